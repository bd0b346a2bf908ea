package io.scimfleet.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * How a worker shares its job threads between providers and paces retries (README has the table).
 *
 * @param jobsPerProvider most job threads of this process one provider's jobs may hold at once; a
 *     job beyond it hands itself back instead of waiting
 * @param longestWaitInJob a transient failure whose wait is at most this is retried inside the job;
 *     longer waits go back to the job queue
 * @param attemptsInJob tries of one object inside one job before its wait goes to the queue
 * @param retryFor how long a job that keeps failing transiently is retried before it fails for good
 */
public record Pacing(
    int jobsPerProvider, Duration longestWaitInJob, int attemptsInJob, Duration retryFor) {
  public static final Duration DEFAULT_LONGEST_WAIT_IN_JOB = Duration.ofSeconds(10);
  public static final int DEFAULT_ATTEMPTS_IN_JOB = 5;
  public static final Duration DEFAULT_RETRY_FOR = Duration.ofHours(24);

  public Pacing {
    if (jobsPerProvider < 1)
      throw new IllegalArgumentException("jobs per provider must be at least 1");
    if (attemptsInJob < 1)
      throw new IllegalArgumentException("attempts in a job must be at least 1");
  }

  /**
   * Half the worker's job threads per provider, waits of up to 10 s in the job, retries for 24 h.
   */
  public static Pacing defaults(int workerThreads) {
    return new Pacing(
        Math.max(1, workerThreads / 2),
        DEFAULT_LONGEST_WAIT_IN_JOB,
        DEFAULT_ATTEMPTS_IN_JOB,
        DEFAULT_RETRY_FOR);
  }

  public static Pacing fromEnv(Map<String, String> env, int workerThreads) {
    Pacing defaults = defaults(workerThreads);
    return new Pacing(
        EnvNumbers.intAtLeast(env, "SCIM_JOBS_PER_PROVIDER", defaults.jobsPerProvider(), 1),
        durationOf(env, "SCIM_RETRY_WAIT_IN_JOB", defaults.longestWaitInJob()),
        defaults.attemptsInJob(),
        durationOf(env, "SCIM_RETRY_FOR", defaults.retryFor()));
  }

  /** {@code 90s}, {@code 15m}, {@code 24h}, {@code 2d}, or ISO-8601 ({@code PT24H}). */
  static Duration durationOf(Map<String, String> env, String name, Duration fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) return fallback;
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("p")) return Duration.parse(text.toUpperCase(Locale.ROOT));
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new NumberFormatException();
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          name + " must be a duration such as 90s, 15m, 24h or 2d, not '" + value + "'");
    }
  }
}
