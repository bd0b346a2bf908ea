package io.scimfleet.scheduler.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * One signed-in operator: the id in the session cookie, the CSRF token every form of the session
 * carries, when it was last used, and a one-time notice for the next page ("3 held deletions
 * released").
 */
final class Session {
  private final String id;
  private final String csrfToken;
  private volatile Instant lastUsed;
  private volatile String notice;

  Session(String id, String csrfToken, Instant now) {
    this.id = id;
    this.csrfToken = csrfToken;
    this.lastUsed = now;
  }

  String id() {
    return id;
  }

  String csrfToken() {
    return csrfToken;
  }

  Instant lastUsed() {
    return lastUsed;
  }

  void use(Instant now) {
    lastUsed = now;
  }

  /** True when {@code given} is this session's CSRF token (in constant time). */
  boolean csrfMatches(String given) {
    return given != null
        && MessageDigest.isEqual(
            csrfToken.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  void notice(String value) {
    notice = value;
  }

  /** The notice once, then none. */
  String takeNotice() {
    String value = notice;
    notice = null;
    return value;
  }
}
