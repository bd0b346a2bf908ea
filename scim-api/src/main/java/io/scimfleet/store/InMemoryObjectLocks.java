package io.scimfleet.store;

import io.scimfleet.model.ObjectType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
    String key = provider + "\u0000" + type.label() + "\u0000" + objectId;
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

  private Lock held(String key, String token) {
    return new Lock() {
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
