package io.scimfleet.job;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Our one seam to the job system. Everything the fleet enqueues or schedules goes through it, so
 * that JobRunr's storage (or JobRunr itself) can change without touching the sync code.
 */
public interface JobQueue {

  void enqueue(FleetJob job);

  /** Enqueues many jobs in one batch. */
  void enqueueAll(List<? extends FleetJob> jobs);

  /**
   * Enqueues many jobs in one batch, to start {@code after} from now; a queue that cannot wait
   * enqueues them now.
   */
  default void enqueueAllAfter(List<? extends FleetJob> jobs, Duration after) {
    enqueueAll(jobs);
  }

  /**
   * Creates jobs that wait to be {@link #release}d, so that a long list of them doesn't wait in the
   * queue (where each job server would fetch them and hand them back). A job not released starts by
   * itself {@code fallback} after now, and each later one in the list {@code spacing} later: a lost
   * release delays a job, it never loses it. Each job needs a {@link FleetJob#stableId()}. A queue
   * that cannot hold jobs enqueues them now.
   */
  default void enqueueHeld(List<? extends FleetJob> jobs, Duration fallback, Duration spacing) {
    enqueueAll(jobs);
  }

  /** Starts a held job now; nothing when there is no such job or it started already. */
  default void release(UUID stableId) {}

  /** The job servers (worker processes) taking jobs now; at least 1. */
  default int jobServers() {
    return 1;
  }

  /**
   * Hands a job back to run again after {@code after}, neither as a failure nor as a retry: a job
   * that may not run now (its provider has all the job threads it may hold) calls it with its own
   * request and returns. Called from a running job, that same job is rescheduled when it returns
   * (no copy is made, so an import's batches stay as many jobs however often they are handed back);
   * called elsewhere, a job is scheduled.
   */
  void handBack(FleetJob job, Duration after);

  /**
   * Creates or updates the recurring full sync of a provider; fires once however many schedulers
   * run.
   */
  void scheduleFullSync(String provider, String cron);

  void removeFullSync(String provider);
}
