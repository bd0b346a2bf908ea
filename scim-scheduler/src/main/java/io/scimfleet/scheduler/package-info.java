/**
 * The scheduler process: its composition root ({@link io.scimfleet.scheduler.SchedulerProcess}),
 * its settings, the API token rules and the control plane it serves.
 */
@NullMarked
package io.scimfleet.scheduler;

import org.jspecify.annotations.NullMarked;
