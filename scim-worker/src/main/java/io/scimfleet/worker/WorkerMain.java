package io.scimfleet.worker;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.FleetBackend;
import io.scimfleet.Version;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.metrics.ProcessMetrics;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker process: a JobRunr job server running the sync pipeline, plus /metrics and health. On
 * SIGTERM it stops taking jobs, lets running ones finish for up to SCIM_DRAIN_SECONDS and exits;
 * JobRunr re-runs elsewhere whatever a killed worker did not finish. It reads its environment once,
 * here ({@link FleetSettings#fromEnv()}); a bad value stops it with a message naming the variable.
 */
public final class WorkerMain {
  private static final Logger log = LoggerFactory.getLogger(WorkerMain.class);

  private WorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && args[0].equals("--version")) {
      System.out.println("scim-worker " + Version.version());
      return;
    }
    FleetSettings settings;
    try {
      settings = FleetSettings.fromEnv();
    } catch (IllegalArgumentException e) {
      System.err.println("scim-worker: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (settings.redisUrl() == null) {
      System.err.println(
          "scim-worker needs REDIS_URL (e.g. redis://127.0.0.1:6379/0); "
              + "for a single process without Redis run scim-scheduler --all-in-one");
      System.exit(2);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runnable stop = start(settings);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.run();
                  stopped.countDown();
                },
                "scim-worker-shutdown"));
    stopped.await();
  }

  /** Starts everything; the returned action drains and stops it. */
  static Runnable start(FleetSettings settings) {
    log.info("scim-worker {} starting: {}", Version.version(), settings);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ProcessMetrics process = ProcessMetrics.boundTo(registry);
    FleetBackend backend = FleetBackend.redis(settings);
    JobRunrFleet jobs = backend.jobs();
    Worker worker =
        WorkerServer.start(
            backend, settings, new FleetMetrics(registry), settings.worker().serverName());
    jobs.bindMetrics(registry);
    MetricsServer http =
        new MetricsServer(
            settings.metricsPort(),
            registry,
            () -> jobs.storageAnswers() && jobs.serverRunning(),
            jobs::serverAlive);
    log.info("scim-worker ready: /metrics and health on port {}", http.port());
    return () -> {
      log.info("scim-worker draining (up to {} s)", settings.drainSeconds());
      jobs.close();
      worker.close();
      http.close();
      backend.stores().close(); // closes the pool too
      process.close();
      log.info("scim-worker stopped");
    };
  }
}
