package io.scimfleet.job.jobrunr;

import io.scimfleet.config.FleetSettings;
import java.time.Duration;

/**
 * How a worker's job server runs.
 *
 * @param workerThreads jobs run at once in this process
 * @param pollInterval how often it looks for work; JobRunr refuses less than 5 s
 * @param drainTimeout on stop, how long running jobs may finish before they are interrupted
 * @param name shown in the dashboard's server list
 * @param retryFor how long after its creation a job that keeps failing transiently is still retried
 */
public record JobServerSettings(
    int workerThreads,
    Duration pollInterval,
    Duration drainTimeout,
    String name,
    Duration retryFor) {
  public static final Duration DEFAULT_RETRY_FOR = Duration.ofHours(24);

  public JobServerSettings {
    if (workerThreads < 1) throw new IllegalArgumentException("worker threads must be at least 1");
    if (pollInterval.toSeconds() < 5)
      throw new IllegalArgumentException("poll interval must be at least 5 s");
    retryFor = retryFor == null ? DEFAULT_RETRY_FOR : retryFor;
  }

  public JobServerSettings(
      int workerThreads, Duration pollInterval, Duration drainTimeout, String name) {
    this(workerThreads, pollInterval, drainTimeout, name, DEFAULT_RETRY_FOR);
  }

  /** The job server of a process with these settings, shown as {@code name}. */
  public static JobServerSettings of(FleetSettings settings, Duration retryFor, String name) {
    return new JobServerSettings(
        settings.workerThreads(),
        Duration.ofSeconds(settings.pollIntervalSeconds()),
        Duration.ofSeconds(settings.drainSeconds()),
        name,
        retryFor);
  }

  public static JobServerSettings defaults() {
    return new JobServerSettings(16, Duration.ofSeconds(5), Duration.ofSeconds(30), "scim-worker");
  }
}
