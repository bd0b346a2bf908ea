package io.scimfleet.scim;

/**
 * A response the client cannot use: a success status with a body that is not the JSON expected. Not
 * retryable: the write may have been applied.
 */
public final class MalformedResponseException extends ScimException {
  private static final long serialVersionUID = 1L;

  MalformedResponseException(ScimError error) {
    super(error);
  }
}
