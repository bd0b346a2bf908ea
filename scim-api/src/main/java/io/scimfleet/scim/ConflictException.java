package io.scimfleet.scim;

/** 409: usually {@code uniqueness} (the object exists already) or a concurrent change; a retry cannot help. */
public final class ConflictException extends ScimException {
  ConflictException(ScimError error) {
    super(error);
  }
}
