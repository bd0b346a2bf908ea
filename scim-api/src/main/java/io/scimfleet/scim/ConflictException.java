package io.scimfleet.scim;

/**
 * 409: usually {@code uniqueness} (the object exists already) or a concurrent change; a retry
 * cannot help.
 */
public final class ConflictException extends ScimException {
  private static final long serialVersionUID = 1L;

  ConflictException(ScimError error) {
    super(error);
  }
}
