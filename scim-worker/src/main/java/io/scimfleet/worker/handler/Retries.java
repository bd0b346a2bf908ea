package io.scimfleet.worker.handler;

import io.scimfleet.error.FleetException;
import io.scimfleet.job.RetryLater;
import io.scimfleet.scim.ScimException;
import io.scimfleet.worker.pipeline.ProviderQuarantinedException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a transient failure again: at the target's Retry-After (plus at most a tenth, so that
 * the objects that were told the same do not all come back in the same millisecond), or after a
 * short back-off when it sent none.
 */
final class Retries {
  static final Duration FIRST_BACK_OFF = Duration.ofMillis(500);

  private Retries() {}

  static Duration retryAfter(FleetException e) {
    if (e instanceof ProviderQuarantinedException paused) return paused.remaining();
    return e instanceof ScimException scim
        ? scim.retryAfter().orElse(Duration.ZERO)
        : Duration.ZERO;
  }

  /** The wait before try {@code attempt + 1}: Retry-After, else 0.5 s doubling per attempt. */
  static Duration waitAfter(FleetException e, int attempt) {
    Duration asked = retryAfter(e);
    Duration wait =
        asked.isZero() ? FIRST_BACK_OFF.multipliedBy(1L << Math.min(attempt - 1, 16)) : asked;
    return wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 10 + 1));
  }

  /** Hands the failure to the job system, to retry no sooner than the target's Retry-After. */
  static RetryLater later(FleetException e) {
    return new RetryLater(e.getMessage(), retryAfter(e));
  }

  /**
   * Waits in the job for a short Retry-After (cheaper and closer to the target's pace than a
   * JobRunr reschedule, which adds up to a poll interval), or ends the job at once when its thread
   * is interrupted.
   */
  static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobInterrupted("waiting " + wait.toMillis() + " ms to retry", e);
    }
  }
}
