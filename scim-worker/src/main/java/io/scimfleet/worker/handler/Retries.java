package io.scimfleet.worker.handler;

import io.scimfleet.error.FleetException;
import io.scimfleet.job.RetryLater;
import io.scimfleet.scim.ScimException;
import java.time.Duration;

/** Turns a transient failure into a job retry that waits at least the target's Retry-After. */
final class Retries {
  private Retries() {}

  static Duration retryAfter(FleetException e) {
    return e instanceof ScimException scim ? scim.retryAfter().orElse(Duration.ZERO) : Duration.ZERO;
  }

  static RetryLater later(FleetException e) {
    return new RetryLater(e.getMessage(), retryAfter(e), e);
  }
}
