package io.scimfleet.scheduler.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sessions, in this process's memory: a session ends when signed out or unused for
 * the idle timeout; at most {@link #MAX} live at once (the oldest-used goes first). Ids and CSRF
 * tokens are 256 random bits each.
 */
final class Sessions {
  static final int MAX = 1000;

  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Duration idle;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Sessions(Duration idle, Clock clock) {
    this.idle = idle;
    this.clock = clock;
  }

  Session open() {
    Instant now = clock.instant();
    byId.values().removeIf(s -> expired(s, now));
    if (byId.size() >= MAX) dropOldest();
    Session session = new Session(randomToken(), randomToken(), now);
    byId.put(session.id(), session);
    return session;
  }

  /** The live session with this id, marked as used now; empty when none or idle too long. */
  Optional<Session> find(String id) {
    if (id == null) return Optional.empty();
    Session session = byId.get(id);
    if (session == null) return Optional.empty();
    Instant now = clock.instant();
    if (expired(session, now)) {
      byId.remove(id);
      return Optional.empty();
    }
    session.use(now);
    return Optional.of(session);
  }

  void close(String id) {
    if (id != null) byId.remove(id);
  }

  Duration idle() {
    return idle;
  }

  private boolean expired(Session session, Instant now) {
    return !session.lastUsed().plus(idle).isAfter(now);
  }

  private void dropOldest() {
    byId.values().stream()
        .min((a, b) -> a.lastUsed().compareTo(b.lastUsed()))
        .ifPresent(s -> byId.remove(s.id()));
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
