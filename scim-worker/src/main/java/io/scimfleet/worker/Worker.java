package io.scimfleet.worker;

import io.scimfleet.config.FleetSettings;
import io.scimfleet.config.Pacing;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.job.FetchPolicy;
import io.scimfleet.job.FullSyncHandler;
import io.scimfleet.job.FullSyncPhaseHandler;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.ProbeHandler;
import io.scimfleet.job.ReleaseDeletionsHandler;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectsHandler;
import io.scimfleet.job.SyncPageHandler;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Stores;
import io.scimfleet.worker.handler.Cleanup;
import io.scimfleet.worker.handler.DeletionRelease;
import io.scimfleet.worker.handler.FullSyncFlow;
import io.scimfleet.worker.handler.FullSyncPhases;
import io.scimfleet.worker.handler.FullSyncPlanner;
import io.scimfleet.worker.handler.ObjectJobHandler;
import io.scimfleet.worker.handler.ObjectsJobHandler;
import io.scimfleet.worker.handler.PageJobHandler;
import io.scimfleet.worker.handler.PageRunner;
import io.scimfleet.worker.handler.PageShares;
import io.scimfleet.worker.handler.ProviderJobSlots;
import io.scimfleet.worker.handler.RoomForJobs;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.PageSize;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import io.scimfleet.worker.probe.TargetProbe;
import java.time.Clock;
import java.util.Map;

/** The sync pipeline and its job handlers, wired once per process (worker or all-in-one). */
public final class Worker implements AutoCloseable {
  /** The job threads a worker runs by default (SCIM_WORKER_THREADS), for the default pacing. */
  static final int DEFAULT_JOB_THREADS = 16;

  private final ProviderContexts contexts;
  private final PageRunner pageRunner;
  private final Map<Class<?>, Object> handlers;
  private final FetchPolicy room;

  /**
   * A worker whose rate limits hold in this process only (in-memory fleet, tests), with default
   * pacing and these security settings (whose key opens the stored secrets).
   */
  public Worker(
      Stores stores,
      JobQueue queue,
      FleetMetrics metrics,
      Clock clock,
      int pageThreads,
      SecuritySettings security) {
    this(
        stores,
        queue,
        metrics,
        clock,
        pageThreads,
        RateLimiter.local(),
        security,
        Pacing.defaults(DEFAULT_JOB_THREADS));
  }

  /**
   * @param pacing how job threads are shared between providers and how retries are paced
   */
  public Worker(
      Stores stores,
      JobQueue queue,
      FleetMetrics metrics,
      Clock clock,
      int pageThreads,
      RateLimiter rateLimiter,
      SecuritySettings security,
      Pacing pacing) {
    this(
        stores,
        queue,
        metrics,
        clock,
        pageThreads,
        PageRunner.DEFAULT_MAX_THREADS,
        rateLimiter,
        security,
        pacing);
  }

  /**
   * @param maxPageThreads the most page threads ever ({@code SCIM_PAGE_THREADS_MAX})
   * @param pacing how job threads are shared between providers and how retries are paced
   */
  public Worker(
      Stores stores,
      JobQueue queue,
      FleetMetrics metrics,
      Clock clock,
      int pageThreads,
      int maxPageThreads,
      RateLimiter rateLimiter,
      SecuritySettings security,
      Pacing pacing) {
    this(
        stores,
        queue,
        metrics,
        clock,
        new ProviderContexts(
            stores.providers(), metrics, rateLimiter, security, stores.directory()),
        new Threads(pageThreads, maxPageThreads, pacing),
        security);
  }

  /** The worker of a process, as its settings ({@link FleetSettings#fromEnv()}) say. */
  public Worker(
      Stores stores,
      JobQueue queue,
      FleetMetrics metrics,
      Clock clock,
      RateLimiter rateLimiter,
      FleetSettings settings) {
    this(
        stores,
        queue,
        metrics,
        clock,
        new ProviderContexts(
            stores.providers(),
            metrics,
            rateLimiter,
            settings.security(),
            stores.directory(),
            settings.worker(),
            settings.mappingLimits()),
        new Threads(
            settings.pageThreads(), settings.worker().pageThreadsMax(), settings.worker().pacing()),
        settings.security());
  }

  /** How many page threads run and how job threads are shared. */
  private record Threads(int pageThreads, int maxPageThreads, Pacing pacing) {}

  private Worker(
      Stores stores,
      JobQueue queue,
      FleetMetrics metrics,
      Clock clock,
      ProviderContexts contexts,
      Threads threads,
      SecuritySettings security) {
    int pageThreads = threads.pageThreads();
    int maxPageThreads = threads.maxPageThreads();
    Pacing pacing = threads.pacing();
    this.contexts = contexts;
    ProviderHealth health = new ProviderHealth(stores.quarantines(), clock);
    ObjectSync objects =
        new ObjectSync(
            stores,
            new ScimSchemaValidator(),
            metrics,
            health,
            clock,
            security.secrets().box().orElse(null));
    ProviderJobSlots slots = new ProviderJobSlots(pacing.jobsPerProvider());
    this.pageRunner = new PageRunner(objects, metrics, pageThreads, maxPageThreads, pacing);
    FullSyncFlow flow = new FullSyncFlow(stores.syncState(), queue, pacing.jobsPerProvider());
    PageShares shares = new PageShares(queue::jobServers);
    this.room = new RoomForJobs(slots, shares);
    PageJobHandler pages =
        new PageJobHandler(stores, contexts, pageRunner, queue, flow, health, slots, shares);
    flow.runsPagesWith(pages::runForPlan);
    this.handlers =
        Map.of(
            SyncObjectHandler.class,
            new ObjectJobHandler(
                stores.pendingJobs(), contexts, objects, metrics, health, queue, slots, pacing),
            SyncObjectsHandler.class,
            new ObjectsJobHandler(stores, contexts, objects, pageRunner, health, queue, slots),
            SyncPageHandler.class,
            pages,
            FullSyncHandler.class,
            new FullSyncPlanner(
                stores,
                flow,
                clock,
                provider ->
                    contexts.get(provider).map(PageSize::of).orElse(DirectoryStore.PAGE_SIZE)),
            FullSyncPhaseHandler.class,
            new FullSyncPhases(
                stores,
                contexts,
                new Cleanup(stores, objects, clock, metrics),
                flow,
                metrics,
                clock),
            ReleaseDeletionsHandler.class,
            new DeletionRelease(stores.deletions(), contexts, objects, metrics),
            ProbeHandler.class,
            new TargetProbe(contexts, stores.probes(), clock));
  }

  /** Handler per handler interface, for the job server. */
  public Map<Class<?>, Object> handlers() {
    return handlers;
  }

  /**
   * Which enqueued jobs the job server takes: a job that holds one of its provider's job slots only
   * while one is free here ({@link ProviderJobSlots}), and a full sync's page only while this
   * process runs fewer of its provider's pages than its share ({@link PageShares}).
   */
  public FetchPolicy fetchPolicy() {
    return room;
  }

  @Override
  public void close() {
    pageRunner.close();
    contexts.close();
  }
}
