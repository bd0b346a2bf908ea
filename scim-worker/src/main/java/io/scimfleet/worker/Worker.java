package io.scimfleet.worker;

import io.scimfleet.job.FullSyncHandler;
import io.scimfleet.job.FullSyncPhaseHandler;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.ReleaseDeletionsHandler;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncPageHandler;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.Stores;
import io.scimfleet.worker.handler.Cleanup;
import io.scimfleet.worker.handler.DeletionRelease;
import io.scimfleet.worker.handler.FullSyncPhases;
import io.scimfleet.worker.handler.FullSyncPlanner;
import io.scimfleet.worker.handler.ObjectJobHandler;
import io.scimfleet.worker.handler.PageJobHandler;
import io.scimfleet.worker.handler.PageRunner;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import java.time.Clock;
import java.util.Map;

/** The sync pipeline and its job handlers, wired once per process (worker or all-in-one). */
public final class Worker implements AutoCloseable {
  private final ProviderContexts contexts;
  private final PageRunner pageRunner;
  private final Map<Class<?>, Object> handlers;

  /** A worker whose rate limits hold in this process only (in-memory fleet, tests). */
  public Worker(Stores stores, JobQueue queue, FleetMetrics metrics, Clock clock, int pageThreads) {
    this(stores, queue, metrics, clock, pageThreads, RateLimiter.local());
  }

  public Worker(Stores stores, JobQueue queue, FleetMetrics metrics, Clock clock, int pageThreads,
      RateLimiter rateLimiter) {
    this.contexts = new ProviderContexts(stores.providers(), metrics, rateLimiter);
    ProviderHealth health = new ProviderHealth(stores.quarantines(), clock);
    ObjectSync objects = new ObjectSync(stores, new ScimSchemaValidator(), metrics, health, clock);
    this.pageRunner = new PageRunner(objects, metrics, pageThreads);
    this.handlers = Map.of(
        SyncObjectHandler.class, new ObjectJobHandler(stores.pendingJobs(), contexts, objects, metrics, health),
        SyncPageHandler.class, new PageJobHandler(stores, contexts, pageRunner, queue, health),
        FullSyncHandler.class, new FullSyncPlanner(stores, queue, clock),
        FullSyncPhaseHandler.class,
        new FullSyncPhases(stores, contexts, new Cleanup(stores, objects), queue, metrics, clock),
        ReleaseDeletionsHandler.class, new DeletionRelease(stores.deletions(), contexts, objects, metrics));
  }

  /** Handler per handler interface, for the job server. */
  public Map<Class<?>, Object> handlers() {
    return handlers;
  }

  @Override
  public void close() {
    pageRunner.close();
    contexts.close();
  }
}
