package io.scimfleet.scheduler.source;

import io.scimfleet.model.ObjectType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Sources in this process's memory: all-in-one without Redis, and tests. */
public final class InMemorySourceStore implements SourceStore {
  private final Clock clock;
  private final Map<String, Source> sources = new ConcurrentSkipListMap<>();
  private final Map<String, SourceStatus> statuses = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> owned = new ConcurrentHashMap<>();
  private final Map<String, String> owners = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> held = new ConcurrentHashMap<>();
  private final Map<String, Lease> leases = new HashMap<>();
  private final Set<String> readRequests = ConcurrentHashMap.newKeySet();

  private record Lease(String holder, Instant until) {}

  public InMemorySourceStore() {
    this(Clock.systemUTC());
  }

  public InMemorySourceStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void put(Source source) {
    sources.put(source.name(), source);
  }

  @Override
  public Optional<Source> get(String name) {
    return Optional.ofNullable(sources.get(name));
  }

  @Override
  public List<Source> list() {
    return List.copyOf(sources.values());
  }

  @Override
  public boolean delete(String name) {
    statuses.remove(name);
    readRequests.remove(name);
    synchronized (leases) {
      leases.remove(name);
    }
    return sources.remove(name) != null;
  }

  @Override
  public Optional<SourceStatus> status(String name) {
    return Optional.ofNullable(statuses.get(name));
  }

  @Override
  public void putStatus(String name, SourceStatus status) {
    statuses.put(name, status);
  }

  @Override
  public Map<String, String> owned(String source, ObjectType type) {
    return Map.copyOf(owned.getOrDefault(key(source, type), Map.of()));
  }

  @Override
  public synchronized void own(String source, ObjectType type, Map<String, String> objects) {
    owned.computeIfAbsent(key(source, type), k -> new ConcurrentHashMap<>()).putAll(objects);
    objects.keySet().forEach(id -> owners.put(key(type.label(), id), source));
  }

  @Override
  public synchronized void disown(String source, ObjectType type, Collection<String> ids) {
    Map<String, String> objects = owned.getOrDefault(key(source, type), new HashMap<>());
    for (String id : ids) {
      objects.remove(id);
      owners.remove(key(type.label(), id), source);
    }
  }

  @Override
  public Optional<String> ownerOf(ObjectType type, String id) {
    return Optional.ofNullable(owners.get(key(type.label(), id)));
  }

  @Override
  public Map<String, String> owners(ObjectType type, Collection<String> ids) {
    Map<String, String> found = new HashMap<>();
    for (String id : ids) ownerOf(type, id).ifPresent(owner -> found.put(id, owner));
    return found;
  }

  @Override
  public Map<String, String> held(String source, ObjectType type) {
    return Map.copyOf(held.getOrDefault(key(source, type), Map.of()));
  }

  @Override
  public void hold(String source, ObjectType type, Map<String, String> objects) {
    if (objects.isEmpty()) held.remove(key(source, type));
    else held.put(key(source, type), Map.copyOf(objects));
  }

  @Override
  public boolean lease(String source, String holder, Duration ttl) {
    synchronized (leases) {
      Lease lease = leases.get(source);
      Instant now = clock.instant();
      if (lease != null && !lease.holder().equals(holder) && lease.until().isAfter(now))
        return false;
      leases.put(source, new Lease(holder, now.plus(ttl)));
      return true;
    }
  }

  @Override
  public void releaseLease(String source, String holder) {
    synchronized (leases) {
      Lease lease = leases.get(source);
      if (lease != null && lease.holder().equals(holder)) leases.remove(source);
    }
  }

  @Override
  public void requestRead(String source) {
    readRequests.add(source);
  }

  @Override
  public boolean takeReadRequest(String source) {
    return readRequests.remove(source);
  }

  private static String key(String a, Object b) {
    return a + "\u0000" + b;
  }
}
