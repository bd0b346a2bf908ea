package io.scimfleet.worker.handler;

import io.scimfleet.error.FleetException;
import io.scimfleet.job.RetryLater;
import io.scimfleet.scim.ScimException;
import io.scimfleet.worker.pipeline.ProviderQuarantinedException;
import java.time.Duration;

/** Turns a transient failure into a job retry that waits at least the target's Retry-After. */
final class Retries {
  private Retries() {}

  static Duration retryAfter(FleetException e) {
    if (e instanceof ProviderQuarantinedException paused) return paused.remaining();
    return e instanceof ScimException scim ? scim.retryAfter().orElse(Duration.ZERO) : Duration.ZERO;
  }

  static RetryLater later(FleetException e) {
    return new RetryLater(e.getMessage(), retryAfter(e), e);
  }
}
