package io.scimfleet.scim;

/** 429 Too Many Requests: retryable; honour {@link #retryAfter()} when the target sent it. */
public final class RateLimitedException extends ScimException {
  private static final long serialVersionUID = 1L;

  RateLimitedException(ScimError error) {
    super(error);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
