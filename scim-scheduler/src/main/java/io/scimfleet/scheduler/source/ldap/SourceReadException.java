package io.scimfleet.scheduler.source.ldap;

import org.jspecify.annotations.Nullable;

/**
 * A read of a source that did not complete (unreachable server, failed bind, timeout, refused
 * search): nothing is written or deleted, and the message goes into the source's status.
 */
public final class SourceReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SourceReadException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
