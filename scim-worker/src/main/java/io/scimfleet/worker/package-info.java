/**
 * The worker process: {@link io.scimfleet.worker.WorkerMain} reads the configuration and starts the
 * JobRunr background server that runs the jobs the scheduler enqueues, with metrics and probes.
 */
@NullMarked
package io.scimfleet.worker;

import org.jspecify.annotations.NullMarked;
