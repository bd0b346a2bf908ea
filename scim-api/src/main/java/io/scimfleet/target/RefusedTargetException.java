package io.scimfleet.target;

import io.scimfleet.error.FleetException;

/**
 * A stored provider whose target the {@link TargetPolicy} refuses, found when a worker builds its
 * client; never retryable.
 */
public final class RefusedTargetException extends FleetException {
  private static final long serialVersionUID = 1L;

  public RefusedTargetException(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
