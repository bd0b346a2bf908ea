package io.scimfleet.store;

import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Locks in memory. Leases run out by the injected clock; a waiter waits in real time and is woken
 * when a lock is released.
 */
public final class InMemoryObjectLocks implements ObjectLocks {
  private final Clock clock;
  private final Map<String, Holder> holders = new HashMap<>();

  private record Holder(String token, Instant expiresAt) {}

  public InMemoryObjectLocks(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Optional<Lock> acquire(
      String provider, ObjectType type, String objectId, Duration lease, Duration wait) {
    String key = key(provider, type, objectId);
    String token = UUID.randomUUID().toString();
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Holder holder = holders.get(key);
      if (holder == null || !holder.expiresAt().isAfter(clock.instant())) {
        holders.put(key, new Holder(token, clock.instant().plus(lease)));
        return Optional.of(held(key, token));
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) return Optional.empty();
      // waits at most 10 ms at a time: an expiry (by the clock) wakes nobody
      try {
        wait(Math.max(1, Math.min(10, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted while waiting for a lock", e);
      }
    }
  }

  /** Like the default, with one token for all of them (it fences their states' writes). */
  @Override
  public synchronized Locks acquireFree(
      String provider, ObjectType type, List<String> objectIds, Duration lease) {
    String token = UUID.randomUUID().toString();
    List<String> held = new ArrayList<>();
    for (String id : objectIds) {
      String key = key(provider, type, id);
      Holder holder = holders.get(key);
      if (holder != null && holder.expiresAt().isAfter(clock.instant())) continue;
      holders.put(key, new Holder(token, clock.instant().plus(lease)));
      held.add(id);
    }
    return Locks.of(held, token, () -> held.forEach(id -> release(key(provider, type, id), token)));
  }

  private static String key(String provider, ObjectType type, String objectId) {
    return provider + "\u0000" + type.label() + "\u0000" + objectId;
  }

  /**
   * Runs {@code write} while no other acquire, renewal or release can run, if every one of these
   * objects' locks is held (unexpired) with {@code token}; else runs nothing and returns the ids
   * whose lock is lost.
   */
  synchronized List<String> whileHeld(
      Collection<ObjectSyncState> states, String token, Runnable write) {
    List<String> lost = new ArrayList<>();
    for (ObjectSyncState state : states) {
      Holder holder = holders.get(key(state.provider(), state.type(), state.objectId()));
      if (holder == null
          || !holder.token().equals(token)
          || !holder.expiresAt().isAfter(clock.instant())) lost.add(state.objectId());
    }
    if (lost.isEmpty()) write.run();
    return lost;
  }

  private Lock held(String key, String token) {
    return new Lock() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public void close() {
        release(key, token);
      }

      @Override
      public boolean renew(Duration lease) {
        return extend(key, token, lease);
      }
    };
  }

  private synchronized boolean extend(String key, String token, Duration lease) {
    Holder holder = holders.get(key);
    if (holder == null
        || !holder.token().equals(token)
        || !holder.expiresAt().isAfter(clock.instant())) return false;
    holders.put(key, new Holder(token, clock.instant().plus(lease)));
    return true;
  }

  private synchronized void release(String key, String token) {
    Holder holder = holders.get(key);
    if (holder != null && holder.token().equals(token)) {
      holders.remove(key);
      notifyAll();
    }
  }
}
