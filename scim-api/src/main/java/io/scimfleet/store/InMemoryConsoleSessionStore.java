package io.scimfleet.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sessions in this process's memory, at most {@link #MAX} (the least recently used goes first), for
 * the all-in-one process and tests.
 */
public final class InMemoryConsoleSessionStore implements ConsoleSessionStore {
  public static final int MAX = 1000;

  private static final class Entry {
    final String csrfToken;
    Instant lastUsed;
    Duration idle;
    @Nullable String notice;

    Entry(String csrfToken, Instant lastUsed, Duration idle) {
      this.csrfToken = csrfToken;
      this.lastUsed = lastUsed;
      this.idle = idle;
    }

    boolean over(Instant now) {
      return !lastUsed.plus(idle).isAfter(now);
    }
  }

  private final Map<String, Entry> sessions = new HashMap<>();
  private final Clock clock;

  public InMemoryConsoleSessionStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void open(String sessionId, String csrfToken, Duration idle) {
    Instant now = clock.instant();
    sessions.values().removeIf(e -> e.over(now));
    if (sessions.size() >= MAX) {
      sessions.entrySet().stream()
          .min(Comparator.comparing(e -> e.getValue().lastUsed))
          .map(Map.Entry::getKey)
          .ifPresent(sessions::remove);
    }
    sessions.put(sessionId, new Entry(csrfToken, now, idle));
  }

  @Override
  public synchronized Optional<String> touch(String sessionId, Duration idle) {
    return live(sessionId)
        .map(
            e -> {
              e.lastUsed = clock.instant();
              e.idle = idle;
              return e.csrfToken;
            });
  }

  @Override
  public synchronized void close(String sessionId) {
    sessions.remove(sessionId);
  }

  @Override
  public synchronized void notice(String sessionId, String text) {
    live(sessionId).ifPresent(e -> e.notice = text);
  }

  @Override
  public synchronized Optional<String> takeNotice(String sessionId) {
    return live(sessionId)
        .map(
            e -> {
              @Nullable String notice = e.notice;
              e.notice = null;
              return notice;
            });
  }

  private Optional<Entry> live(String sessionId) {
    Entry entry = sessions.get(sessionId);
    if (entry == null) return Optional.empty();
    if (entry.over(clock.instant())) {
      sessions.remove(sessionId);
      return Optional.empty();
    }
    return Optional.of(entry);
  }
}
