package io.scimfleet.scheduler.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * One signed-in operator: the id in the session cookie and the CSRF token every form of the session
 * carries.
 */
record Session(String id, String csrfToken) {

  /** True when {@code given} is this session's CSRF token (in constant time). */
  boolean csrfMatches(@Nullable String given) {
    return given != null
        && MessageDigest.isEqual(
            csrfToken.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Session[…]";
  }
}
