package io.scimfleet.worker.handler;

import io.scimfleet.error.FleetException;

/**
 * The job's thread was interrupted while it waited (the job server is stopping): the job ends at
 * once, and the job system runs it again later. Carries the {@link InterruptedException} as its
 * cause, which is how JobRunr tells a stop from a failure.
 */
final class JobInterrupted extends FleetException {
  private static final long serialVersionUID = 1L;

  JobInterrupted(String what, InterruptedException cause) {
    super("interrupted while " + what, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
