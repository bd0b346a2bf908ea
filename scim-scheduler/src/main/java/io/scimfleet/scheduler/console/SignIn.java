package io.scimfleet.scheduler.console;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Sign-in by the admin token: a right token opens a session, a wrong one is counted against the
 * client's address, and an address with too many wrong tokens is refused before its token is even
 * compared.
 */
final class SignIn {
  /** A new session, or the status and message of a refusal. */
  record Outcome(@Nullable Session session, int status, @Nullable String error) {}

  private final AdminToken token;
  private final Sessions sessions;
  private final SignInThrottle throttle;

  SignIn(String adminToken, Sessions sessions, Clock clock) {
    this.token = new AdminToken(adminToken);
    this.sessions = sessions;
    this.throttle = new SignInThrottle(clock);
  }

  Outcome attempt(String address, @Nullable String given) {
    Duration wait = throttle.wait(address);
    if (!wait.isZero()) {
      return new Outcome(
          null,
          429,
          "Too many wrong tokens: try again in " + Math.max(1, wait.toSeconds()) + " s.");
    }
    if (!token.matches(given)) {
      throttle.failed(address);
      return new Outcome(null, 401, "Wrong admin token.");
    }
    throttle.succeeded(address);
    return new Outcome(sessions.open(), 303, null);
  }
}
