package io.scimfleet.scim;

/** 5xx: the target failed; retryable. A 503 may carry {@link #retryAfter()}. */
public final class ServerErrorException extends ScimException {
  private static final long serialVersionUID = 1L;

  ServerErrorException(ScimError error) {
    super(error);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
