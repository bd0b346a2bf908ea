package io.scimfleet.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Sealed passwords in memory, for all-in-one without Redis and for tests; time from the clock. */
public final class InMemoryPasswordStore implements PasswordStore {
  private final Clock clock;
  private final Map<String, Entry> entries = new HashMap<>();

  private static final class Entry {
    final String changeId = UUID.randomUUID().toString();
    final String sealed;
    final Instant expires;
    final Set<String> done = new LinkedHashSet<>();
    @Nullable Set<String> wanted;

    Entry(String sealed, Instant expires) {
      this.sealed = sealed;
      this.expires = expires;
    }

    boolean everyoneDone() {
      return wanted != null && done.containsAll(wanted);
    }
  }

  public InMemoryPasswordStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized String put(String userId, String sealed, Duration ttl) {
    Entry entry = new Entry(sealed, clock.instant().plus(ttl));
    entries.put(userId, entry);
    return entry.changeId;
  }

  @Override
  public synchronized Optional<Pending> pending(String userId, String provider) {
    Entry entry = live(userId);
    if (entry == null || entry.done.contains(provider)) return Optional.empty();
    return Optional.of(new Pending(entry.changeId, entry.sealed));
  }

  @Override
  public synchronized void expect(String userId, Set<String> providers) {
    Entry entry = live(userId);
    if (entry == null) return;
    entry.wanted = Set.copyOf(providers);
    if (entry.everyoneDone()) entries.remove(userId);
  }

  @Override
  public synchronized void done(String userId, String changeId, String provider) {
    Entry entry = live(userId);
    if (entry == null || !entry.changeId.equals(changeId)) return;
    entry.done.add(provider);
    if (entry.everyoneDone()) entries.remove(userId);
  }

  @Override
  public synchronized List<Dropped> dropExpired(Instant now, int max) {
    List<Map.Entry<String, Entry>> due =
        entries.entrySet().stream()
            .filter(e -> !e.getValue().expires.isAfter(now))
            .sorted(Comparator.comparing(e -> e.getValue().expires))
            .limit(max)
            .toList();
    List<Dropped> dropped = new ArrayList<>();
    for (Map.Entry<String, Entry> e : due) {
      Set<String> undelivered =
          new LinkedHashSet<>(e.getValue().wanted == null ? Set.of() : e.getValue().wanted);
      undelivered.removeAll(e.getValue().done);
      dropped.add(new Dropped(e.getKey(), Set.copyOf(undelivered)));
    }
    due.forEach(e -> entries.remove(e.getKey()));
    return dropped;
  }

  /**
   * The user's entry while its time is not up (an expired one stays until {@link #dropExpired}
   * records it).
   */
  private @Nullable Entry live(String userId) {
    Entry entry = entries.get(userId);
    return entry == null || !entry.expires.isAfter(clock.instant()) ? null : entry;
  }
}
