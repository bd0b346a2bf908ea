package io.scimfleet.scim;

/** 412: the {@code If-Match} version is stale; read the resource again and re-apply the change. */
public final class PreconditionFailedException extends ScimException {
  private static final long serialVersionUID = 1L;

  PreconditionFailedException(ScimError error) {
    super(error);
  }
}
