package io.scimfleet.scheduler;

import io.scimfleet.job.JobQueue;
import io.scimfleet.job.JobSystem;
import io.scimfleet.mapping.MappingLimits;
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
  private final MappingLimits mappingLimits;

  /** Within the default mapping limits (tests). */
  public ControlPlane(Stores stores, JobSystem jobs, FleetMetrics metrics, Clock clock) {
    this(stores, jobs, metrics, clock, MappingLimits.defaults());
  }

  /**
   * @param mappingLimits the bounds of every mapping and scope evaluation: the router's, the
   *     preview's and the plan's
   */
  public ControlPlane(
      Stores stores,
      JobSystem jobs,
      FleetMetrics metrics,
      Clock clock,
      MappingLimits mappingLimits) {
    this.stores = stores;
    this.mappingLimits = mappingLimits;
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
            metrics,
            mappingLimits);
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

  public MappingLimits mappingLimits() {
    return mappingLimits;
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
