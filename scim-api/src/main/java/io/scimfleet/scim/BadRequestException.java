package io.scimfleet.scim;

/**
 * 400 Bad Request: the target refused the request as sent (invalid filter, syntax, value or path);
 * a retry cannot help.
 */
public final class BadRequestException extends ScimException {
  private static final long serialVersionUID = 1L;

  BadRequestException(ScimError error) {
    super(error);
  }
}
