package io.scimfleet.worker.handler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The job threads of this process that each provider's jobs hold: at most {@code limit} per
 * provider, so that a provider whose target is slow or failing cannot take every thread. A job that
 * finds its provider's slots taken waits a moment ({@link ObjectJobHandler#SLOT_WAIT}) and then
 * hands itself back instead of waiting longer.
 */
public final class ProviderJobSlots {
  private static final long RETAKE_AFTER_MILLIS = 5;
  private final int limit;
  private final Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();

  public ProviderJobSlots(int limit) {
    this.limit = limit;
  }

  /** Takes a slot of the provider when one is free; the caller must {@link #release} it. */
  boolean tryTake(String provider) {
    AtomicInteger count = taken.computeIfAbsent(provider, name -> new AtomicInteger());
    for (int now = count.get(); now < limit; now = count.get()) {
      if (count.compareAndSet(now, now + 1)) return true;
    }
    return false;
  }

  /**
   * Waits up to {@code wait} for a slot: on a fast target a job of the provider ends within
   * milliseconds, which is much sooner than a hand-back comes back. The caller must {@link
   * #release} it.
   */
  boolean tryTake(String provider, Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    while (!tryTake(provider)) {
      if (System.nanoTime() - until >= 0) return false;
      try {
        Thread.sleep(RETAKE_AFTER_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * Gives back a slot taken by {@link #tryTake}.
   *
   * @throws IllegalStateException when none of the provider's slots is taken (a release without a
   *     take): nothing changes, so the count never drops below zero
   */
  void release(String provider) {
    AtomicInteger count = taken.get(provider);
    if (count == null || count.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0)
      throw new IllegalStateException(
          "no job slot of provider " + provider + " is taken: a release without a take");
  }

  int taken(String provider) {
    AtomicInteger count = taken.get(provider);
    return count == null ? 0 : count.get();
  }
}
