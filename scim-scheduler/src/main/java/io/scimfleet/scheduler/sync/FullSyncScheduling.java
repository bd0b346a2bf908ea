package io.scimfleet.scheduler.sync;

import io.scimfleet.job.FullSyncStarts;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.jobrunr.Crons;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Provider;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Instant;

/**
 * Keeps each provider's recurring full sync in step with its settings, starts full syncs on demand,
 * and publishes the per-provider gauges (pending jobs, schedule period, quarantine, held
 * deletions), removed with the provider.
 */
public final class FullSyncScheduling {
  private final Stores stores;
  private final JobQueue queue;
  private final FleetMetrics metrics;
  private final FullSyncStarts starts;

  public FullSyncScheduling(Stores stores, JobQueue queue, FleetMetrics metrics) {
    this.stores = stores;
    this.queue = queue;
    this.metrics = metrics;
    this.starts = new FullSyncStarts(stores.syncState(), queue, Clock.systemUTC());
  }

  /** Applies every stored provider's schedule (at start-up). */
  public void applyAll() {
    stores.providers().list().forEach(this::apply);
  }

  /** After a provider was created or changed. */
  public void apply(Provider provider) {
    if (provider.enabled()) {
      queue.scheduleFullSync(provider.name(), provider.fullSyncCron());
    } else {
      queue.removeFullSync(provider.name());
    }
    metrics.fullSyncInterval(provider.name(), Crons.period(provider.fullSyncCron()));
    metrics.pendingJobs(
        provider.name(), stores.pendingJobs(), pending -> pending.count(provider.name()));
    metrics.quarantined(
        provider.name(),
        stores.quarantines(),
        quarantines ->
            quarantines
                    .get(provider.name())
                    .filter(quarantine -> quarantine.pausing(Instant.now()))
                    .isPresent()
                ? 1
                : 0);
    metrics.deletionsHeld(
        provider.name(), stores.deletions(), deletions -> deletions.heldCount(provider.name()));
  }

  /** After a provider was deleted. */
  public void remove(String provider) {
    queue.removeFullSync(provider);
    metrics.forget(provider);
  }

  /**
   * Starts a full sync now, or, while a run of the provider is going, right after it; returns its
   * run id.
   */
  public String startNow(String provider, boolean force) {
    return ask(provider, force).runId();
  }

  /**
   * Asks for a full sync: started now, or queued behind the run going (requests made meanwhile fold
   * into that one follow-up, a force is kept).
   */
  public FullSyncStarts.Asked ask(String provider, boolean force) {
    return starts.ask(provider, force);
  }
}
