package io.scimfleet.config;

import io.scimfleet.scim.ScimClientBuilder;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a worker reads of the environment besides the {@link FleetSettings} it shares with the
 * scheduler (README, "Configuration"): read once at start by {@link FleetSettings#fromEnv}, also
 * for the worker that an all-in-one scheduler embeds.
 *
 * @param pacing how job threads are shared between providers and retries are paced ({@code
 *     SCIM_JOBS_PER_PROVIDER}, {@code SCIM_RETRY_WAIT_IN_JOB}, {@code SCIM_RETRY_FOR})
 * @param pageThreadsMax the most page threads ever ({@code SCIM_PAGE_THREADS_MAX}; below {@code
 *     SCIM_PAGE_THREADS}: that)
 * @param warmUp how long the JIT warm-up may run before the first job ({@code
 *     SCIM_WARM_UP_SECONDS}; zero or less: none)
 * @param adaptiveConcurrency learn each target host's concurrency limit ({@code
 *     SCIM_ADAPTIVE_CONCURRENCY}, {@code on} or {@code off})
 * @param maxResponseBytes longest response body read from a SCIM target ({@code
 *     SCIM_MAX_RESPONSE_BYTES})
 * @param hostname the pod's name ({@code HOSTNAME}), shown for the worker on the dashboard; null:
 *     unset
 */
public record WorkerSettings(
    Pacing pacing,
    int pageThreadsMax,
    Duration warmUp,
    boolean adaptiveConcurrency,
    long maxResponseBytes,
    @Nullable String hostname) {
  public static final int DEFAULT_PAGE_THREADS_MAX = 256;
  public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(2);

  public WorkerSettings {
    if (maxResponseBytes < 1)
      throw new IllegalArgumentException("SCIM_MAX_RESPONSE_BYTES must be at least 1");
  }

  /** The defaults of a worker with this many job threads, no host name. */
  public static WorkerSettings defaults(int workerThreads) {
    return new WorkerSettings(
        Pacing.defaults(workerThreads),
        DEFAULT_PAGE_THREADS_MAX,
        DEFAULT_WARM_UP,
        true,
        ScimClientBuilder.DEFAULT_MAX_RESPONSE_BYTES,
        null);
  }

  static WorkerSettings fromEnv(Map<String, String> env, int workerThreads) {
    String hostname = env.get("HOSTNAME");
    return new WorkerSettings(
        Pacing.fromEnv(env, workerThreads),
        EnvNumbers.wholeInt(env, "SCIM_PAGE_THREADS_MAX", DEFAULT_PAGE_THREADS_MAX),
        Duration.ofSeconds(
            EnvNumbers.wholeInt(env, "SCIM_WARM_UP_SECONDS", (int) DEFAULT_WARM_UP.toSeconds())),
        onOrOff(env, "SCIM_ADAPTIVE_CONCURRENCY", true),
        EnvNumbers.atLeast(
            env, "SCIM_MAX_RESPONSE_BYTES", ScimClientBuilder.DEFAULT_MAX_RESPONSE_BYTES, 1),
        hostname == null || hostname.isBlank() ? null : hostname);
  }

  /** The name the dashboard shows for this worker: the pod's name, else the process id. */
  public String serverName() {
    return hostname != null ? hostname : "scim-worker-" + ProcessHandle.current().pid();
  }

  /** {@code on} or {@code off} (any case); unset or blank: {@code fallback}. */
  static boolean onOrOff(Map<String, String> env, String name, boolean fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) return fallback;
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be on or off, not '" + value + "'");
    };
  }
}
