package io.scimfleet.job;

import java.time.Duration;

/**
 * Fails a job attempt that a later one may fix (a 429, a 5xx, a timeout, a paused provider). The
 * job system retries it no sooner than {@code notBefore} (the target's Retry-After; zero: its own
 * back-off) for as long as the fleet's retry period allows, then fails it with this message.
 *
 * <p>An expected failure, not a bug: it carries no stack trace and no cause, so the one log line
 * the job system writes about it says what happened and nothing more. The cause's message is in
 * {@link #getMessage()}.
 */
public final class RetryLater extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Duration notBefore;

  public RetryLater(String message, Duration notBefore) {
    super(message, null, false, false);
    this.notBefore = notBefore == null ? Duration.ZERO : notBefore;
  }

  /** The cause is only read for its message: its stack trace would be noise in the log. */
  public RetryLater(String message, Duration notBefore, Throwable cause) {
    this(message != null ? message : String.valueOf(cause), notBefore);
  }

  public Duration notBefore() {
    return notBefore;
  }
}
