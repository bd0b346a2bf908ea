package io.scimfleet.scheduler.console;

/**
 * The session cookie: {@code HttpOnly}, {@code SameSite=Strict}, limited to {@code /ui}, {@code
 * Secure} over HTTPS or when the settings ask for it, and without an expiry (the server ends the
 * session when idle).
 */
final class SessionCookie {
  static final String NAME = "scim_console";

  private SessionCookie() {}

  static String set(String sessionId, boolean secure) {
    return NAME + "=" + sessionId + attributes(secure);
  }

  /** Tells the browser to forget the cookie. */
  static String clear(boolean secure) {
    return NAME + "=; Max-Age=0" + attributes(secure);
  }

  private static String attributes(boolean secure) {
    return "; Path=/ui; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }
}
