/**
 * Full syncs: recurring schedules per provider and runs on demand. Pages are cut by the worker's
 * planner job.
 */
package io.scimfleet.scheduler.sync;
