package io.scimfleet.store;

import java.util.Collection;

/** A membership names a user or group the directory does not hold. */
public final class UnknownMemberException extends StoreException {
  private static final long serialVersionUID = 1L;

  public UnknownMemberException(String what, Collection<String> ids) {
    super("unknown " + what + ": " + String.join(", ", ids));
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
