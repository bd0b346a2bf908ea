package io.scimfleet.scim;

/**
 * 404: the resource is gone, or (on some targets) the verb or endpoint is not supported; a retry
 * cannot help.
 */
public final class NotFoundException extends ScimException {
  private static final long serialVersionUID = 1L;

  NotFoundException(ScimError error) {
    super(error);
  }
}
