package io.scimfleet.store;

import java.time.Duration;
import java.util.Optional;

/**
 * The admin console's sessions, shared by every scheduler replica: each holds its CSRF token and a
 * one-time notice for its next page, and ends when unused for its idle time. A store may keep the
 * session id only as a hash.
 */
public interface ConsoleSessionStore {

  /** Keeps a new session that ends once unused for {@code idle}. */
  void open(String sessionId, String csrfToken, Duration idle);

  /** The session's CSRF token, its idle time started again; empty when none or over. */
  Optional<String> touch(String sessionId, Duration idle);

  /** Ends the session (signed out). */
  void close(String sessionId);

  /** Leaves a notice for the session's next page; nothing when the session is over. */
  void notice(String sessionId, String text);

  /** The session's notice once, then none. */
  Optional<String> takeNotice(String sessionId);
}
