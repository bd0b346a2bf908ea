package io.scimfleet.job;

import java.util.List;

/**
 * Our one seam to the job system. Everything the fleet enqueues or schedules goes through it, so
 * that JobRunr's storage (or JobRunr itself) can change without touching the sync code.
 */
public interface JobQueue {

  void enqueue(FleetJob job);

  /** Enqueues many jobs in one batch. */
  void enqueueAll(List<? extends FleetJob> jobs);

  /** Creates or updates the recurring full sync of a provider; fires once however many schedulers run. */
  void scheduleFullSync(String provider, String cron);

  void removeFullSync(String provider);
}
