package io.scimfleet.store;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncAttempt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ObjectHistory} in this process, for the embedded mode and tests. Each object's list is
 * immutable, replaced on record.
 */
public final class InMemoryObjectHistory implements ObjectHistory {
  private record Key(String provider, ObjectType type, String objectId) {}

  private final Map<Key, List<SyncAttempt>> attempts = new ConcurrentHashMap<>();

  @Override
  public void record(String provider, ObjectType type, String objectId, SyncAttempt attempt) {
    attempts.merge(
        new Key(provider, type, objectId),
        List.of(attempt),
        (kept, added) -> {
          List<SyncAttempt> next = new ArrayList<>(KEPT);
          next.add(attempt);
          next.addAll(kept.subList(0, Math.min(kept.size(), KEPT - 1)));
          return List.copyOf(next);
        });
  }

  @Override
  public List<SyncAttempt> recent(String provider, ObjectType type, String objectId) {
    return attempts.getOrDefault(new Key(provider, type, objectId), List.of());
  }

  @Override
  public void deleteProvider(String provider) {
    attempts.keySet().removeIf(key -> key.provider().equals(provider));
  }
}
