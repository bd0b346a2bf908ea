package io.scimfleet.scim;

/**
 * No usable response: a timeout (connect, response or total), a refused or reset connection, a
 * failed name lookup, a TLS handshake cut short. Retryable, except a refused certificate (host name
 * mismatch, untrusted issuer, expired): it stays refused until someone changes it. {@link
 * #status()} is -1.
 */
public final class TransportException extends ScimException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  TransportException(ScimError error, boolean retryable) {
    super(error);
    this.retryable = retryable;
  }

  @Override
  public boolean retryable() {
    return retryable;
  }
}
