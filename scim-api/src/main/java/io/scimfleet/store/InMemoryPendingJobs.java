package io.scimfleet.store;

import io.scimfleet.model.ObjectType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Pending-job marks in memory: per provider, {@code type:objectId} to the time it was marked. */
public final class InMemoryPendingJobs implements PendingJobs {
  private final Clock clock;
  private final Map<String, Map<String, Instant>> marks = new ConcurrentHashMap<>();

  public InMemoryPendingJobs(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean mark(String provider, ObjectType type, String objectId) {
    return of(provider).putIfAbsent(member(type, objectId), clock.instant()) == null;
  }

  @Override
  public void clear(String provider, ObjectType type, String objectId) {
    of(provider).remove(member(type, objectId));
  }

  @Override
  public long count(String provider) {
    return of(provider).size();
  }

  @Override
  public long expire(String provider, Instant before) {
    Map<String, Instant> provided = of(provider);
    return provided.entrySet().stream()
        .filter(mark -> mark.getValue().isBefore(before))
        .filter(mark -> provided.remove(mark.getKey(), mark.getValue()))
        .count();
  }

  private Map<String, Instant> of(String provider) {
    return marks.computeIfAbsent(provider, k -> new ConcurrentHashMap<>());
  }

  private static String member(ObjectType type, String objectId) {
    return type.label() + ":" + objectId;
  }
}
