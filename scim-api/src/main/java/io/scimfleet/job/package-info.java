/**
 * The jobs the scheduler enqueues and the worker handles, and {@link io.scimfleet.job.JobQueue},
 * our seam to the job system. Nothing here imports JobRunr: request records carry no lambdas and
 * name their handler interface ({@link io.scimfleet.job.FleetJob#handlerType()}); the adapters in
 * {@code io.scimfleet.job.jobrunr} wrap them for JobRunr and give a running handler its {@link
 * io.scimfleet.job.JobConsole}.
 */
@NullMarked
package io.scimfleet.job;

import org.jspecify.annotations.NullMarked;
