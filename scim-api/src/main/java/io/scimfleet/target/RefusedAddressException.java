package io.scimfleet.target;

import java.net.UnknownHostException;

/**
 * A host whose every address the {@link TargetPolicy} refuses. An {@link UnknownHostException}, so
 * that HttpClient stops the connection where name resolution stops it.
 */
public final class RefusedAddressException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  public RefusedAddressException(String message) {
    super(message);
  }
}
