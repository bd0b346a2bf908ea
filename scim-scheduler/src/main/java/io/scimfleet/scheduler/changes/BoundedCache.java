package io.scimfleet.scheduler.changes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small cache that forgets the entry used least recently once it holds {@code capacity}: the
 * change router's compiled scopes and scope groups are keyed by settings, and settings that changed
 * must not stay in memory for the life of the process.
 */
final class BoundedCache<K, V> {
  private final Map<K, V> entries;

  BoundedCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized V get(K key, Function<K, V> make) {
    return entries.computeIfAbsent(key, make);
  }

  synchronized int size() {
    return entries.size();
  }
}
