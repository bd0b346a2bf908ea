package io.scimfleet.job;

import java.time.Duration;

/**
 * Fails a job attempt so that it is retried with back-off, never before {@code notBefore} (the
 * target's Retry-After, when it sent one).
 */
public final class RetryLater extends RuntimeException {
  private final Duration notBefore;

  public RetryLater(String message, Duration notBefore, Throwable cause) {
    super(message, cause);
    this.notBefore = notBefore == null ? Duration.ZERO : notBefore;
  }

  public Duration notBefore() {
    return notBefore;
  }
}
