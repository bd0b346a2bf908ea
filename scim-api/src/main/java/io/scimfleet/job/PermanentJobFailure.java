package io.scimfleet.job;

/**
 * Fails a job at once, without retries, with a message an operator can act on (the readable SCIM or
 * validation error). The job system shows the message as the job's failure.
 */
public final class PermanentJobFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PermanentJobFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
