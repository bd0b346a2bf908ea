package io.scimfleet.worker;

import io.scimfleet.FleetBackend;
import io.scimfleet.config.EnvNumbers;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.config.Pacing;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.worker.handler.PageRunner;
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
   * Builds the worker with the pacing of this process's environment and starts the backend's job
   * server on its handlers, shown as {@code serverName}. The caller closes the job system first (it
   * drains running jobs), then the worker.
   */
  public static Worker start(
      FleetBackend backend, FleetSettings settings, FleetMetrics metrics, String serverName) {
    Pacing pacing = Pacing.fromEnv(System.getenv(), settings.workerThreads());
    Worker worker =
        new Worker(
            backend.stores(),
            backend.jobs().queue(),
            metrics,
            Clock.systemUTC(),
            settings.pageThreads(),
            EnvNumbers.wholeInt(
                System.getenv(), "SCIM_PAGE_THREADS_MAX", PageRunner.DEFAULT_MAX_THREADS),
            backend.rateLimiter(),
            settings.security(),
            pacing);
    warmUp(Duration.ofSeconds(EnvNumbers.wholeInt(System.getenv(), "SCIM_WARM_UP_SECONDS", 2)));
    backend
        .jobs()
        .startServer(
            worker.handlers(), JobServerSettings.of(settings, pacing.retryFor(), serverName));
    return worker;
  }

  /**
   * Before the first job: the per-object work compiled by the JIT (SCIM_WARM_UP_SECONDS, 0: none).
   */
  private static void warmUp(Duration budget) {
    if (budget.isZero()) return;
    long start = System.nanoTime();
    int users = JitWarmUp.run(budget);
    log.info(
        "warmed up on {} made-up users in {} ms",
        users,
        Duration.ofNanos(System.nanoTime() - start).toMillis());
  }
}
