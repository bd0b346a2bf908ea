package io.scimfleet.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many objects ended in each outcome; a value that adds up across page jobs. {@code repaired}
 * and {@code unmanaged} come from the drift check and are not in {@link #total()}: a repaired
 * object was also counted by its page.
 */
public record SyncCounts(
    long created,
    long updated,
    long unchanged,
    long deleted,
    long deactivated,
    long failed,
    long skipped,
    long repaired,
    long unmanaged) {

  public static final SyncCounts ZERO = new SyncCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

  public static SyncCounts of(SyncOutcome outcome) {
    return ZERO.plus(outcome, 1);
  }

  public SyncCounts plus(SyncOutcome outcome, long n) {
    Map<SyncOutcome, Long> map = asMap();
    map.merge(outcome, n, Long::sum);
    return fromMap(map);
  }

  public SyncCounts plus(SyncCounts other) {
    Map<SyncOutcome, Long> map = asMap();
    other.asMap().forEach((k, v) -> map.merge(k, v, Long::sum));
    return fromMap(map);
  }

  public long total() {
    return created + updated + unchanged + deleted + deactivated + failed + skipped;
  }

  public Map<SyncOutcome, Long> asMap() {
    Map<SyncOutcome, Long> map = new EnumMap<>(SyncOutcome.class);
    map.put(SyncOutcome.CREATED, created);
    map.put(SyncOutcome.UPDATED, updated);
    map.put(SyncOutcome.UNCHANGED, unchanged);
    map.put(SyncOutcome.DELETED, deleted);
    map.put(SyncOutcome.DEACTIVATED, deactivated);
    map.put(SyncOutcome.FAILED, failed);
    map.put(SyncOutcome.SKIPPED, skipped);
    map.put(SyncOutcome.REPAIRED, repaired);
    map.put(SyncOutcome.UNMANAGED, unmanaged);
    return map;
  }

  public static SyncCounts fromMap(Map<SyncOutcome, Long> map) {
    return new SyncCounts(
        get(map, SyncOutcome.CREATED),
        get(map, SyncOutcome.UPDATED),
        get(map, SyncOutcome.UNCHANGED),
        get(map, SyncOutcome.DELETED),
        get(map, SyncOutcome.DEACTIVATED),
        get(map, SyncOutcome.FAILED),
        get(map, SyncOutcome.SKIPPED),
        get(map, SyncOutcome.REPAIRED),
        get(map, SyncOutcome.UNMANAGED));
  }

  private static long get(Map<SyncOutcome, Long> map, SyncOutcome outcome) {
    return map.getOrDefault(outcome, 0L);
  }
}
