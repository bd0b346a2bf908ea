package io.scimfleet.store;

import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.ObjectType;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The deletion guard's memory in one process, guarded by one monitor. */
public final class InMemoryDeletionStore implements DeletionStore {
  private record Counted(Instant at, boolean leftTarget) {}

  private final Map<String, Map<String, Counted>> windows = new HashMap<>();
  private final Map<String, Map<String, HeldDeletion>> held = new HashMap<>();

  @Override
  public synchronized boolean admit(Removal removal, Threshold threshold, Instant now) {
    Map<String, Counted> counted =
        windows.computeIfAbsent(removal.provider(), p -> new HashMap<>());
    Instant cutoff = now.minus(threshold.window());
    counted.values().removeIf(c -> !c.at().isAfter(cutoff));
    String key = key(removal.type(), removal.objectId());
    if (counted.containsKey(key)) return true;
    long left = counted.values().stream().filter(Counted::leftTarget).count();
    if (counted.size() >= threshold.percent() * (threshold.onTarget() + left) / 100) return false;
    counted.put(key, new Counted(now, removal.leavesTarget()));
    return true;
  }

  @Override
  public synchronized void hold(HeldDeletion deletion) {
    held.computeIfAbsent(deletion.provider(), p -> new LinkedHashMap<>())
        .merge(
            key(deletion.type(), deletion.objectId()),
            deletion,
            (first, again) ->
                new HeldDeletion(
                    first.provider(),
                    first.type(),
                    first.objectId(),
                    again.remoteId(),
                    first.heldAt()));
  }

  @Override
  public synchronized long heldCount(String provider) {
    return held.getOrDefault(provider, Map.of()).size();
  }

  @Override
  public synchronized List<HeldDeletion> held(String provider, int limit) {
    return held.getOrDefault(provider, Map.of()).values().stream()
        .sorted(Comparator.comparing(HeldDeletion::heldAt))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized boolean unhold(String provider, ObjectType type, String objectId) {
    return held.getOrDefault(provider, new HashMap<>()).remove(key(type, objectId)) != null;
  }

  @Override
  public synchronized long dropHeld(String provider) {
    Map<String, HeldDeletion> dropped = held.remove(provider);
    return dropped == null ? 0 : dropped.size();
  }

  @Override
  public synchronized void deleteProvider(String provider) {
    windows.remove(provider);
    held.remove(provider);
  }

  private static String key(ObjectType type, String objectId) {
    return type.label() + ":" + objectId;
  }
}
