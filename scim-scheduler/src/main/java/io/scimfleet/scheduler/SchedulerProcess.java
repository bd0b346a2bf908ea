package io.scimfleet.scheduler;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.FleetBackend;
import io.scimfleet.config.DashboardLogin;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.metrics.ProcessMetrics;
import io.scimfleet.scheduler.config.ProviderConfigFile;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.console.ConsoleSettings;
import io.scimfleet.scheduler.http.ApiServer;
import io.scimfleet.scheduler.http.ApiSettings;
import io.scimfleet.scheduler.inbound.InboundSettings;
import io.scimfleet.scheduler.source.InMemorySourceStore;
import io.scimfleet.scheduler.source.RedisSourceStore;
import io.scimfleet.scheduler.source.SourceConfigFile;
import io.scimfleet.scheduler.source.SourceMetrics;
import io.scimfleet.scheduler.source.SourcePasswords;
import io.scimfleet.scheduler.source.SourceRegistry;
import io.scimfleet.scheduler.source.SourceRunner;
import io.scimfleet.scheduler.source.SourceStore;
import io.scimfleet.secret.SecretBox;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisConnections;
import io.scimfleet.worker.Worker;
import io.scimfleet.worker.WorkerServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPool;

/**
 * One scheduler process, wired for its mode: the stores and job system (Redis, or in memory when
 * all-in-one runs without REDIS_URL), the control plane, the declarative provider file, and — as
 * the mode asks — the API and dashboard, and a worker in the same JVM.
 */
public final class SchedulerProcess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SchedulerProcess.class);

  /** What runs in the process. */
  public enum Mode {
    /** Control plane, API and dashboard; workers run elsewhere. Needs REDIS_URL. */
    SCHEDULER(false, true),
    /** Everything, including a worker, in one JVM; in memory without REDIS_URL. */
    ALL_IN_ONE(true, true),
    /**
     * A worker and the full-sync scheduling, in memory, no HTTP and no change consumer: the {@code
     * sync} command.
     */
    ONE_SHOT(true, false);

    final boolean worker;
    final boolean serves;

    Mode(boolean worker, boolean serves) {
      this.worker = worker;
      this.serves = serves;
    }
  }

  /** Connections of the source store and the reads' writes of ownership. */
  private static final int SOURCE_CONNECTIONS = 4;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ProcessMetrics processMetrics = ProcessMetrics.boundTo(registry);
  private final Stores stores;
  private final JobRunrFleet jobs;
  private final ControlPlane plane;
  private final ProviderRegistry providers;
  private final FleetBackend backend;
  private final SourceRegistry sources;
  private final Runnable closeSources;
  private @Nullable SourceRunner sourceRunner;
  private @Nullable Worker worker;
  private @Nullable ApiServer api;

  private SchedulerProcess(FleetBackend backend, FleetSettings settings, boolean redis) {
    this.backend = backend;
    this.stores = backend.stores();
    this.jobs = backend.jobs();
    this.plane =
        new ControlPlane(
            stores, jobs, new FleetMetrics(registry), Clock.systemUTC(), settings.mappingLimits());
    this.providers = new ProviderRegistry(stores, plane.fullSyncs(), settings.security());
    SourceStore sourceStore;
    if (redis) {
      JedisPool pool =
          RedisConnections.pool(
              Objects.requireNonNull(settings.redisUrl(), "Redis is on without REDIS_URL"),
              SOURCE_CONNECTIONS);
      sourceStore = new RedisSourceStore(pool, settings.redisPrefix());
      closeSources = pool::close;
    } else {
      sourceStore = new InMemorySourceStore();
      closeSources = () -> {};
    }
    this.sources =
        new SourceRegistry(
            sourceStore,
            stores.directory(),
            new SourcePasswords(
                settings.security().secrets(), settings.security().secrets().variables()));
  }

  /**
   * Starts the mode's parts as the settings that {@link SchedulerMain} read say. The API needs an
   * admin token: the caller generates one for all-in-one when none is set.
   */
  public static SchedulerProcess start(SchedulerSettings settings, Mode mode) {
    return start(
        settings.fleet(), mode, settings.dashboard(), settings.inbound(), settings.console());
  }

  /**
   * Starts the mode's parts. The API needs {@code settings.adminToken()}: the caller generates one
   * for all-in-one when none is set.
   */
  public static SchedulerProcess start(FleetSettings settings, Mode mode) {
    return start(settings, mode, null);
  }

  /**
   * As {@link #start(FleetSettings, Mode)}; the dashboard starts only with a {@code dashboard}
   * login.
   */
  public static SchedulerProcess start(
      FleetSettings settings, Mode mode, @Nullable DashboardLogin dashboard) {
    return start(settings, mode, dashboard, InboundSettings.off());
  }

  /**
   * As {@link #start(FleetSettings, Mode, DashboardLogin)}; the inbound SCIM endpoint runs when
   * {@code inbound} has a token.
   */
  public static SchedulerProcess start(
      FleetSettings settings,
      Mode mode,
      @Nullable DashboardLogin dashboard,
      InboundSettings inbound) {
    return start(settings, mode, dashboard, inbound, ConsoleSettings.defaults());
  }

  /**
   * As {@link #start(FleetSettings, Mode, DashboardLogin, InboundSettings)}, with the console's.
   */
  public static SchedulerProcess start(
      FleetSettings settings,
      Mode mode,
      @Nullable DashboardLogin dashboard,
      InboundSettings inbound,
      ConsoleSettings console) {
    boolean redis = mode != Mode.ONE_SHOT && settings.redisUrl() != null;
    if (mode == Mode.SCHEDULER && !redis) {
      throw new IllegalStateException(
          "the scheduler needs REDIS_URL (e.g. redis://127.0.0.1:6379/0); "
              + "for a single process without Redis run it with --all-in-one");
    }
    if (mode.serves && settings.adminToken() == null) {
      throw new IllegalStateException(
          "the API needs SCIM_ADMIN_TOKEN: set it to a long random value");
    }
    if (!redis && settings.security().secrets().box().isEmpty()) {
      // nothing outlives an in-memory run, so neither need its key
      settings = settings.withSecurity(settings.security().withBox(SecretBox.generated()));
    }
    SchedulerProcess process =
        new SchedulerProcess(
            redis ? FleetBackend.redis(settings) : FleetBackend.inMemory(settings),
            settings,
            redis);
    try {
      process.startParts(settings, mode, new Served(dashboard, inbound, console));
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return process;
  }

  /** What a serving mode offers besides the API: dashboard, inbound endpoint, console. */
  private record Served(
      @Nullable DashboardLogin dashboard, InboundSettings inbound, ConsoleSettings console) {}

  private void startParts(FleetSettings settings, Mode mode, Served served) {
    if (mode.serves) {
      int sealed = providers.resealInlineTokens();
      if (sealed > 0)
        log.info(
            "sealed {} inline token(s) again with key {}",
            sealed,
            settings.security().secrets().box().orElseThrow().keyId());
    }
    if (mode.serves && settings.configFile() != null) {
      log.info(
          "provider file {}: {}",
          settings.configFile(),
          ProviderConfigFile.apply(Path.of(settings.configFile()), providers));
      log.info(
          "sources of {}: {}",
          settings.configFile(),
          SourceConfigFile.apply(Path.of(settings.configFile()), sources));
    }
    if (mode.worker) {
      worker =
          WorkerServer.start(
              backend,
              settings,
              plane.metrics(),
              mode == Mode.ONE_SHOT ? "scim-sync" : "scim-all-in-one");
    }
    jobs.bindMetrics(registry);
    if (!mode.serves) return;
    plane.start();
    sourceRunner =
        new SourceRunner(
            sources.store(),
            stores.directory(),
            sources.passwords(),
            new SourceMetrics(registry),
            Clock.systemUTC(),
            "scheduler-" + UUID.randomUUID());
    sourceRunner.start();
    jobs.startFailedJobPurge();
    startDashboard(settings.dashboardPort(), served.dashboard());
    api =
        ApiServer.start(
            plane,
            providers,
            sources,
            registry,
            new ApiSettings(
                Objects.requireNonNull(settings.adminToken(), "checked when the API is served"),
                settings.security().directoryToken(),
                settings.maxBodyBytes(),
                settings.httpPort(),
                served.inbound(),
                settings.imports(),
                served.console()));
    log.info(
        "scim-scheduler ready: API on port {}, dashboard {}",
        api.port(),
        served.dashboard() == null ? "off" : "on port " + settings.dashboardPort());
  }

  private void startDashboard(int port, @Nullable DashboardLogin login) {
    if (login == null) {
      log.info(DashboardLogin.HOW_TO_ENABLE);
      return;
    }
    jobs.startDashboard(port, login);
  }

  public Stores stores() {
    return stores;
  }

  public ControlPlane controlPlane() {
    return plane;
  }

  public ProviderRegistry providers() {
    return providers;
  }

  public SourceRegistry sources() {
    return sources;
  }

  /** The API's port; -1 when this mode serves none. */
  public int apiPort() {
    return api == null ? -1 : api.port();
  }

  @Override
  public void close() {
    if (api != null) api.close();
    if (sourceRunner != null) sourceRunner.close();
    closeSources.run();
    plane.close();
    jobs.close();
    if (worker != null) worker.close();
    stores.close();
    processMetrics.close();
  }
}
