package io.scimfleet.scheduler;

import io.scimfleet.job.JobQueue;
import io.scimfleet.job.JobSystem;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.scheduler.changes.ChangeConsumer;
import io.scimfleet.scheduler.sync.FullSyncScheduling;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.util.UUID;

/**
 * The scheduler's parts on one set of stores and one job system: the change-feed consumer and the
 * full-sync scheduling. The HTTP API and the dashboard sit on top of it.
 */
public final class ControlPlane implements AutoCloseable {
  private final Stores stores;
  private final JobSystem jobs;
  private final FleetMetrics metrics;
  private final FullSyncScheduling fullSyncs;
  private final ChangeConsumer changes;

  public ControlPlane(Stores stores, JobSystem jobs, FleetMetrics metrics, Clock clock) {
    this.stores = stores;
    this.jobs = jobs;
    this.metrics = metrics;
    this.fullSyncs = new FullSyncScheduling(stores, jobs.queue(), metrics);
    this.changes =
        new ChangeConsumer(
            stores,
            jobs.queue(),
            "scheduler-" + UUID.randomUUID(),
            clock,
            fullSyncs::applyAll,
            metrics);
  }

  /** Applies the stored providers' schedules and starts consuming the change feed. */
  public void start() {
    fullSyncs.applyAll();
    changes.start();
  }

  /** Redis answers now: the API can serve and changes flow. */
  public boolean ready() {
    return jobs.storageAnswers() && jobs.serverRunning();
  }

  /**
   * False only in a state this process cannot leave by itself (a stuck change-feed loop, a job
   * server that does not come back although Redis answers): a liveness probe should restart it.
   */
  public boolean alive() {
    return changes.alive() && jobs.serverAlive();
  }

  public Stores stores() {
    return stores;
  }

  public JobQueue queue() {
    return jobs.queue();
  }

  public FleetMetrics metrics() {
    return metrics;
  }

  public FullSyncScheduling fullSyncs() {
    return fullSyncs;
  }

  public ChangeConsumer changes() {
    return changes;
  }

  @Override
  public void close() {
    changes.close();
  }
}
