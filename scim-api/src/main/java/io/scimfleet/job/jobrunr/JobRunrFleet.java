package io.scimfleet.job.jobrunr;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.scimfleet.config.DashboardLogin;
import io.scimfleet.config.JobRetention;
import io.scimfleet.job.FetchPolicy;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.JobSystem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.metrics.BackgroundJobServerMetricsBinder;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The fleet's whole use of JobRunr: its storage (in memory, or Redis through Jedis under our key
 * prefix), the queue, a background job server, the dashboard and the Micrometer binding. Built
 * without JobRunr's static configuration, so that several servers can live in one JVM (tests, the
 * all-in-one mode). The job server is supervised: when it stops by itself (JobRunr gives up as soon
 * as Redis does not answer a heartbeat), it starts again once Redis answers.
 */
public final class JobRunrFleet implements JobSystem, AutoCloseable {
  private static final int RETRY_BACKOFF_SEED_SECONDS = 3;

  /** Under the fleet's prefix: JobRunr 8's keys; JobRunr 7.5.3's were under {@code jobrunr:}. */
  static final String JOBS_KEYS = "jobs:";

  /**
   * JobRunr registers its meters without help text, which {@code promtool check metrics} rejects.
   */
  private static final MeterFilter DESCRIBE_JOBRUNR_METERS =
      new MeterFilter() {
        @Override
        public Meter.Id map(Meter.Id id) {
          if (!id.getName().startsWith("jobrunr.") || id.getDescription() != null) return id;
          String description =
              "JobRunr "
                  + id.getName().substring("jobrunr.".length()).replace('.', ' ').replace('-', ' ');
          return new Meter.Id(
              id.getName(), Tags.of(id.getTags()), id.getBaseUnit(), description, id.getType());
        }
      };

  private final StorageProvider storage;
  private final BooleanSupplier storageAnswers;
  private final WorkSignal signal;
  private final Runnable afterEnqueue;
  private volatile @Nullable JobWaker waker;
  private final JsonMapper json = new FleetJsonMapper();
  private final JobRequestScheduler scheduler;
  private volatile @Nullable BackgroundJobServer server;
  private volatile @Nullable JobServerSupervisor supervisor;
  private @Nullable ScheduledExecutorService supervision;
  private @Nullable DashboardServer dashboard;
  private @Nullable JobStatsGauges jobStats;
  private @Nullable BackgroundJobServerMetricsBinder serverMetrics;
  private final JobRunrWorkers workers = new JobRunrWorkers();
  private final RunAgain runAgain = new RunAgain();
  private JobRetention retention = JobRetention.defaults();
  private @Nullable ScheduledExecutorService purge;

  JobRunrFleet(StorageProvider storage, BooleanSupplier storageAnswers) {
    this(storage, storageAnswers, WorkSignal.local(), true);
  }

  /**
   * {@code sendOnEnqueue}: the queue sends the signal after each enqueue; false when the storage
   * announces enqueued jobs itself.
   */
  JobRunrFleet(
      StorageProvider storage,
      BooleanSupplier storageAnswers,
      WorkSignal signal,
      boolean sendOnEnqueue) {
    this.storage = storage;
    this.storageAnswers = storageAnswers;
    this.signal = signal;
    this.afterEnqueue = sendOnEnqueue ? signal::send : () -> {};
    storage.setJobMapper(new JobMapper(json));
    this.scheduler = new JobRequestScheduler(storage, List.of());
  }

  public static JobRunrFleet inMemory() {
    return new JobRunrFleet(new InMemoryStorageProvider(), () -> true);
  }

  /**
   * JobRunr's keys live under {@code prefix + "jobs:"} ({@link RedisStorageProvider}), beside the
   * fleet's own keys. The storage announces every enqueued job itself.
   */
  public static JobRunrFleet redis(JedisPool pool, String prefix) {
    RedisStorageProvider storage = new RedisStorageProvider(pool, prefix + JOBS_KEYS);
    JobRunrFleet fleet =
        new JobRunrFleet(
            storage, () -> answers(pool), new RedisWorkSignal(pool, storage.workChannel()), false);
    fleet.upgradeFrom7(pool, prefix);
    return fleet;
  }

  /**
   * Takes over what JobRunr 7.5.3 left ({@link JobRunr7Upgrade}); when Redis doesn't answer, the
   * next process start does it.
   */
  private void upgradeFrom7(JedisPool pool, String prefix) {
    try {
      new JobRunr7Upgrade(pool, prefix, storage, new JobMapper(json)).run();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(JobRunrFleet.class)
          .warn("JobRunr 7 keys not taken over now (next start tries again): {}", e.toString());
    }
  }

  /**
   * True when Redis answers a PING now. When the pooled connection fails, the pool's idle
   * connections are dropped (after a Redis restart they are all dead) and a fresh one asks again.
   */
  public static boolean answers(JedisPool pool) {
    if (ping(pool)) return true;
    pool.clear();
    return ping(pool);
  }

  private static boolean ping(JedisPool pool) {
    try (Jedis jedis = pool.getResource()) {
      return "PONG".equals(jedis.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public JobQueue queue() {
    return new JobRunrJobQueue(scheduler, storage, afterEnqueue, runAgain);
  }

  /**
   * Starts a job server running the given handlers, keyed by the handler interface they implement.
   * It fetches as soon as work is enqueued anywhere on the same storage (a {@link WorkSignal}), a
   * share of its threads at a time, besides JobRunr's poll.
   */
  public BackgroundJobServer startServer(
      Map<Class<?>, Object> handlers, JobServerSettings settings) {
    return startServer(handlers, settings, FetchPolicy.ANY);
  }

  /**
   * As {@link #startServer(Map, JobServerSettings)}, its fetches asking {@code fetchPolicy} which
   * enqueued jobs to take (on the Redis storage; the in-memory storage takes every job).
   */
  public synchronized BackgroundJobServer startServer(
      Map<Class<?>, Object> handlers, JobServerSettings settings, FetchPolicy fetchPolicy) {
    if (server != null) throw new IllegalStateException("a job server already runs");
    int perFetch = SpreadingWorkerPolicy.perFetchFor(settings.workerThreads());
    FleetJobServer started =
        new FleetJobServer(
            storage,
            json,
            new HandlerActivator(handlers),
            configuration(settings, workers, perFetch, fetchPolicy));
    server = started;
    server.setJobFilters(
        List.of(
            new FleetRetryFilter(
                JobRunrJobQueue.RETRIES,
                RETRY_BACKOFF_SEED_SECONDS,
                settings.retryFor(),
                Clock.systemUTC(),
                runAgain)));
    server.start();
    supervise(server, settings);
    JobWaker wakes = new JobWaker(started, settings.workerThreads());
    waker = wakes;
    signal.listen(wakes::wake);
    return server;
  }

  /**
   * Stops taking jobs and lets running ones finish up to the drain timeout; JobRunr hands back the
   * rest.
   */
  public synchronized void stopServer() {
    if (waker != null) waker.close();
    waker = null;
    if (supervision != null) stopSupervision(supervision);
    supervision = null;
    supervisor = null;
    if (server != null) server.stop();
    server = null;
  }

  /**
   * True when this process runs no job server, or its job server runs and has announced itself
   * (takes jobs).
   */
  @Override
  public boolean serverRunning() {
    BackgroundJobServer running = server;
    return running == null || (running.isRunning() && running.isAnnounced());
  }

  /**
   * False only when the job server cannot come back by itself: it has not run for minutes although
   * the storage answers, or its supervisor stopped working. Liveness probes restart the process
   * then.
   */
  @Override
  public boolean serverAlive() {
    JobServerSupervisor watching = supervisor;
    return watching == null || watching.alive();
  }

  /** True when the job storage answers now (Redis PING; always for the in-memory storage). */
  @Override
  public boolean storageAnswers() {
    return storageAnswers.getAsBoolean();
  }

  private void supervise(BackgroundJobServer supervised, JobServerSettings settings) {
    supervisor =
        new JobServerSupervisor(
                supervised,
                storageAnswers,
                Clock.systemUTC(),
                settings.drainTimeout(),
                settings.pollInterval())
            .releasingWith(queue()::release);
    supervision =
        Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("scim-job-server-supervisor"));
    long every = JobServerSupervisor.EVERY.toMillis();
    // the supervisor catches what a round throws, so the schedule never ends with an exception
    ScheduledFuture<?> unused =
        supervision.scheduleWithFixedDelay(supervisor, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Waits for a restart in progress, so that the supervisor never starts a server we are stopping.
   */
  private static void stopSupervision(ScheduledExecutorService supervision) {
    supervision.shutdown();
    try {
      if (!supervision.awaitTermination(1, TimeUnit.MINUTES)) supervision.shutdownNow();
    } catch (InterruptedException e) {
      supervision.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts JobRunr's dashboard on {@code login.bind()} behind its Basic login (compared in constant
   * time, with a lockout after repeated failures), without CORS headers and without JobRunr's
   * anonymous usage reports. JobRunr's own dashboard web server (7.5.3) always listens on every
   * interface, so the fleet serves JobRunr's dashboard handlers itself ({@link DashboardServer}).
   */
  public synchronized void startDashboard(int port, DashboardLogin login) {
    dashboard = DashboardServer.start(storage, json, port, login, Clock.systemUTC());
  }

  /**
   * How long finished jobs are kept ({@code FleetSettings.jobRetention()}); the defaults unless set
   * here before the server starts.
   */
  public synchronized void retainJobs(JobRetention value) {
    this.retention = value;
  }

  /** Removes failed jobs older than their retention now, and then every hour until closed. */
  public synchronized void startFailedJobPurge() {
    if (purge != null) return;
    purge = new FailedJobPurge(storage, retention.failed(), Clock.systemUTC()).scheduleHourly();
  }

  /** Removes failed jobs older than their retention now; returns how many. */
  public int purgeFailedJobs() {
    return new FailedJobPurge(storage, retention.failed(), Clock.systemUTC()).run();
  }

  /**
   * Binds JobRunr's job gauges ({@link JobStatsGauges}), and the server's and its worker pool's
   * when one runs, to the registry.
   */
  public synchronized void bindMetrics(MeterRegistry registry) {
    registry.config().meterFilter(DESCRIBE_JOBRUNR_METERS);
    if (storage instanceof RedisStorageProvider redis)
      io.micrometer.core.instrument.Gauge.builder(
              "scim.jobs.refused", redis, RedisStorageProvider::refusedJobs)
          .description(
              "Stored jobs whose data named a class outside the fleet's job types: set aside, never loaded")
          .register(registry);
    jobStats = new JobStatsGauges(storage, registry);
    if (server != null) serverMetrics = new BackgroundJobServerMetricsBinder(server, registry);
    workers.bindTo(registry);
  }

  public StorageProvider storage() {
    return storage;
  }

  @Override
  public synchronized void close() {
    if (purge != null) purge.shutdownNow();
    stopServer();
    if (dashboard != null) dashboard.close();
    if (jobStats != null) jobStats.close();
    if (serverMetrics != null) serverMetrics.close();
    signal.close();
    storage.close();
  }

  private BackgroundJobServerConfiguration configuration(
      JobServerSettings settings, JobRunrWorkers workers, int perFetch, FetchPolicy fetchPolicy) {
    return BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
        .andName(settings.name())
        .andBackgroundJobServerWorkerPolicy(
            new SpreadingWorkerPolicy(settings.workerThreads(), perFetch, fetchPolicy, workers))
        .andPollInterval(settings.pollInterval())
        .andDeleteSucceededJobsAfter(retention.succeeded())
        .andPermanentlyDeleteDeletedJobsAfter(retention.deleted())
        .andInterruptJobsAwaitDurationOnStopBackgroundJobServer(settings.drainTimeout());
  }
}
