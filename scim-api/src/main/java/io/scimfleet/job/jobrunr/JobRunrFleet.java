package io.scimfleet.job.jobrunr;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.scimfleet.job.JobQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jobrunr.configuration.JobRunrMicroMeterIntegration;
import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.nosql.redis.JedisRedisStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import redis.clients.jedis.JedisPool;

/**
 * The fleet's whole use of JobRunr: its storage (in memory, or Redis through Jedis under our key
 * prefix), the queue, a background job server, the dashboard and the Micrometer binding. Built
 * without JobRunr's static configuration, so that several servers can live in one JVM (tests, the
 * all-in-one mode).
 */
public final class JobRunrFleet implements AutoCloseable {
  private static final int RETRY_BACKOFF_SEED_SECONDS = 3;

  /** JobRunr registers its meters without help text, which {@code promtool check metrics} rejects. */
  private static final MeterFilter DESCRIBE_JOBRUNR_METERS = new MeterFilter() {
    @Override
    public Meter.Id map(Meter.Id id) {
      if (!id.getName().startsWith("jobrunr.") || id.getDescription() != null) return id;
      String description = "JobRunr " + id.getName().substring("jobrunr.".length()).replace('.', ' ').replace('-', ' ');
      return new Meter.Id(id.getName(), Tags.of(id.getTags()), id.getBaseUnit(), description, id.getType());
    }
  };

  private final StorageProvider storage;
  private final JsonMapper json = new JacksonJsonMapper();
  private final JobRequestScheduler scheduler;
  private BackgroundJobServer server;
  private JobRunrDashboardWebServer dashboard;
  private JobRunrMicroMeterIntegration metrics;

  private JobRunrFleet(StorageProvider storage) {
    this.storage = storage;
    storage.setJobMapper(new JobMapper(json));
    this.scheduler = new JobRequestScheduler(storage, List.of());
  }

  public static JobRunrFleet inMemory() {
    return new JobRunrFleet(new InMemoryStorageProvider());
  }

  /** JobRunr's keys live under {@code prefix + "jobrunr"}, beside the fleet's own keys. */
  public static JobRunrFleet redis(JedisPool pool, String prefix) {
    return new JobRunrFleet(new JedisRedisStorageProvider(pool, prefix + "jobrunr"));
  }

  public JobQueue queue() {
    return new JobRunrJobQueue(scheduler);
  }

  /** Starts a job server running the given handlers, keyed by the handler interface they implement. */
  public synchronized BackgroundJobServer startServer(Map<Class<?>, Object> handlers, JobServerSettings settings) {
    if (server != null) throw new IllegalStateException("a job server already runs");
    server = new BackgroundJobServer(storage, json, new HandlerActivator(handlers), configuration(settings));
    server.setJobFilters(List.of(new FleetRetryFilter(JobRunrJobQueue.RETRIES, RETRY_BACKOFF_SEED_SECONDS,
        settings.retryFor(), Clock.systemUTC())));
    server.start();
    return server;
  }

  /** Stops taking jobs and lets running ones finish up to the drain timeout; JobRunr hands back the rest. */
  public synchronized void stopServer() {
    if (server != null) server.stop();
    server = null;
  }

  public synchronized void startDashboard(int port) {
    dashboard = new JobRunrDashboardWebServer(storage, json, port);
    dashboard.start();
  }

  /** Binds JobRunr's job gauges (and the server's, when one runs) to the registry. */
  public synchronized void bindMetrics(MeterRegistry registry) {
    registry.config().meterFilter(DESCRIBE_JOBRUNR_METERS);
    metrics = new JobRunrMicroMeterIntegration(registry);
    metrics.initialize(storage, server);
  }

  public StorageProvider storage() {
    return storage;
  }

  @Override
  public synchronized void close() {
    stopServer();
    if (dashboard != null) dashboard.stop();
    if (metrics != null) metrics.close();
    storage.close();
  }

  private static BackgroundJobServerConfiguration configuration(JobServerSettings settings) {
    return BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
        .andName(settings.name())
        .andWorkerCount(settings.workerThreads())
        .andPollInterval(settings.pollInterval())
        .andDeleteSucceededJobsAfter(Duration.ofHours(1))
        .andPermanentlyDeleteDeletedJobsAfter(Duration.ofHours(1))
        .andInterruptJobsAwaitDurationOnStopBackgroundJobServer(settings.drainTimeout());
  }
}
