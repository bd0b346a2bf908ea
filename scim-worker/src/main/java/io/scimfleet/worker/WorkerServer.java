package io.scimfleet.worker;

import io.scimfleet.FleetBackend;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.mapping.MappingLimits;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.worker.pipeline.JitWarmUp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker running on the job server of a {@link FleetBackend}: the worker process starts one, and
 * so does the scheduler in all-in-one mode and for the one-shot sync (the scheduler's only use of
 * this module).
 */
public final class WorkerServer {
  private static final Logger log = LoggerFactory.getLogger(WorkerServer.class);

  private WorkerServer() {}

  /**
   * Builds the worker as the settings say ({@link FleetSettings#worker()}: pacing, page threads,
   * warm-up, adaptive concurrency) and starts the backend's job server on its handlers, shown as
   * {@code serverName}. The caller closes the job system first (it drains running jobs), then the
   * worker.
   */
  public static Worker start(
      FleetBackend backend, FleetSettings settings, FleetMetrics metrics, String serverName) {
    Worker worker =
        new Worker(
            backend.stores(),
            backend.jobs().queue(),
            metrics,
            Clock.systemUTC(),
            backend.rateLimiter(),
            settings);
    warmUp(settings.worker().warmUp(), settings.mappingLimits());
    backend
        .jobs()
        .startServer(
            worker.handlers(),
            JobServerSettings.of(settings, settings.worker().pacing().retryFor(), serverName),
            worker.fetchPolicy());
    return worker;
  }

  /**
   * Before the first job: the per-object work compiled by the JIT (SCIM_WARM_UP_SECONDS, 0: none).
   */
  private static void warmUp(Duration budget, MappingLimits limits) {
    if (budget.isZero()) return;
    long start = System.nanoTime();
    int users = JitWarmUp.run(budget, limits);
    log.info(
        "warmed up on {} made-up users in {} ms",
        users,
        Duration.ofNanos(System.nanoTime() - start).toMillis());
  }
}
