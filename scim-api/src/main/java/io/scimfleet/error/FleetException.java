package io.scimfleet.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The root of every failure the fleet reports: SCIM request failures, mapping and validation
 * failures, store failures. Each knows whether trying again can help, so that the worker retries
 * transient failures and fails a job at once, with this message, on permanent ones.
 */
public abstract class FleetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String message;

  protected FleetException(String message) {
    super(message);
    this.message = Objects.requireNonNull(message, "a FleetException needs a message");
  }

  protected FleetException(String message, @Nullable Throwable cause) {
    super(message, cause);
    this.message = Objects.requireNonNull(message, "a FleetException needs a message");
  }

  /** The message it was made with, never null: what the operator reads and the job fails with. */
  @Override
  public String getMessage() {
    return message;
  }

  /** True when the same request may succeed later (timeouts, 429, 5xx, a lost connection). */
  public abstract boolean retryable();
}
