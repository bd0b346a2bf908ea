/**
 * Full syncs: recurring schedules per provider and runs on demand. Pages are cut by the worker's
 * planner job.
 */
@NullMarked
package io.scimfleet.scheduler.sync;

import org.jspecify.annotations.NullMarked;
