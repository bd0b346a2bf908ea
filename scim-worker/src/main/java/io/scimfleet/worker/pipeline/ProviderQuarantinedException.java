package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.model.Quarantine;
import java.time.Duration;
import java.time.Instant;

/** The provider is quarantined: nothing is sent to it until the pause ends. */
public final class ProviderQuarantinedException extends FleetException {
  private static final long serialVersionUID = 1L;
  private final Duration remaining;

  ProviderQuarantinedException(Quarantine quarantine, Instant now) {
    super(
        "provider "
            + quarantine.provider()
            + " is quarantined until "
            + quarantine.until()
            + " (level "
            + quarantine.level()
            + "): "
            + quarantine.reason());
    Duration left = Duration.between(now, quarantine.until());
    this.remaining = left.isNegative() ? Duration.ZERO : left;
  }

  /** How long the pause still lasts. */
  public Duration remaining() {
    return remaining;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
