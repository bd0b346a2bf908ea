package io.scimfleet.secret;

import io.scimfleet.error.FleetException;

/**
 * A secret source that the rules refuse, or a secret that cannot be read or decrypted; never
 * retryable.
 */
public final class SecretException extends FleetException {
  private static final long serialVersionUID = 1L;

  public SecretException(String message) {
    super(message);
  }

  public SecretException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
