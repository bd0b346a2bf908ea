package io.scimfleet.scim;

/**
 * The OAuth 2.0 token endpoint gave no access token: it refused the client ({@code invalid_client},
 * {@code invalid_scope}, ...), could not be reached, or answered something that is not a token
 * response. Its {@link #path()} is the token URL and its {@link #scimType()} the OAuth {@code
 * error} code. Retryable when the endpoint could not be reached or answered 5xx or 429; a refusal
 * stays until someone fixes the credentials. Never carries the client secret.
 */
public final class TokenEndpointException extends ScimException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  TokenEndpointException(ScimError error, boolean retryable) {
    super(error);
    this.retryable = retryable;
  }

  @Override
  public boolean retryable() {
    return retryable;
  }
}
