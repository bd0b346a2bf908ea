package io.scimfleet.job;

import org.jspecify.annotations.Nullable;

/**
 * Fails a job at once, without retries, with a message an operator can act on (the readable SCIM or
 * validation error). The job system shows the message as the job's failure.
 */
public final class PermanentJobFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PermanentJobFailure(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
