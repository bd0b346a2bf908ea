package io.scimfleet.store;

import io.scimfleet.error.FleetException;

/**
 * A store could not read or write: Redis unreachable (retryable), or a write that breaks a rule.
 */
public class StoreException extends FleetException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return getCause() != null;
  }
}
