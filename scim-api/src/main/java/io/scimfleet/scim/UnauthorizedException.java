package io.scimfleet.scim;

/**
 * 401 or 403: the token is wrong, expired, or lacks a permission; a retry cannot help until someone
 * fixes the credentials.
 */
public final class UnauthorizedException extends ScimException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(ScimError error) {
    super(error);
  }
}
