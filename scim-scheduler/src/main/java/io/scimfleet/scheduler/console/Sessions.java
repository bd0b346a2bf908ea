package io.scimfleet.scheduler.console;

import io.scimfleet.store.ConsoleSessionStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The console's sessions: ids and CSRF tokens of 256 random bits each, kept in the fleet's {@link
 * ConsoleSessionStore} (Redis: every scheduler replica knows every session), ending when signed out
 * or unused for the idle time; and the one-time notice each action leaves for the next page.
 */
final class Sessions {
  private final ConsoleSessionStore store;
  private final Duration idle;
  private final SecureRandom random = new SecureRandom();

  Sessions(ConsoleSessionStore store, Duration idle) {
    this.store = store;
    this.idle = idle;
  }

  Session open() {
    Session session = new Session(randomToken(), randomToken());
    store.open(session.id(), session.csrfToken(), idle);
    return session;
  }

  /** The live session with this id, its idle time started again; empty when none or over. */
  Optional<Session> find(@Nullable String id) {
    if (id == null || id.isEmpty()) return Optional.empty();
    return store.touch(id, idle).map(csrf -> new Session(id, csrf));
  }

  void close(@Nullable String id) {
    if (id != null && !id.isEmpty()) store.close(id);
  }

  void notice(Session session, String text) {
    store.notice(session.id(), text);
  }

  /** The notice the session's last action left, once; null when none. */
  @Nullable String takeNotice(Session session) {
    return store.takeNotice(session.id()).orElse(null);
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
