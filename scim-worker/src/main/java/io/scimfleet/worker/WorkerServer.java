package io.scimfleet.worker;

import io.scimfleet.FleetBackend;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.config.Pacing;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.metrics.FleetMetrics;
import java.time.Clock;

/**
 * A worker running on the job server of a {@link FleetBackend}: the worker process starts one, and
 * so does the scheduler in all-in-one mode and for the one-shot sync (the scheduler's only use of
 * this module).
 */
public final class WorkerServer {
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
            backend.rateLimiter(),
            settings.security(),
            pacing);
    backend
        .jobs()
        .startServer(
            worker.handlers(), JobServerSettings.of(settings, pacing.retryFor(), serverName));
    return worker;
  }
}
