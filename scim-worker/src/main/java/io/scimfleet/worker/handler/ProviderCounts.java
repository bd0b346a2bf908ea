package io.scimfleet.worker.handler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How many of each provider's jobs or pages this process runs now, each count held under a limit
 * the caller gives: a take over the limit may wait for a release, which wakes it at once. The one
 * counter behind {@link ProviderJobSlots} (a provider's job threads) and {@link PageShares} (its
 * share of a full sync's pages).
 */
final class ProviderCounts {
  private final Map<String, Count> counts = new ConcurrentHashMap<>();

  /**
   * Counts one more for {@code provider} when it runs fewer than {@code limit}, waiting up to
   * {@code wait} for a release when it doesn't; the caller must then {@link #release} it.
   */
  boolean take(String provider, int limit, Duration wait) {
    return counts.computeIfAbsent(provider, name -> new Count()).take(limit, wait);
  }

  /** Counts one less; false, changing nothing, when none is counted (a release without a take). */
  boolean release(String provider) {
    Count count = counts.get(provider);
    return count != null && count.release();
  }

  /** True when no provider has any counted. */
  boolean none() {
    return counts.values().stream().allMatch(count -> count.now() == 0);
  }

  /** True when some provider has at least {@code limit} counted. */
  boolean anyAt(int limit) {
    return counts.values().stream().anyMatch(count -> count.now() >= limit);
  }

  int now(String provider) {
    Count count = counts.get(provider);
    return count == null ? 0 : count.now();
  }

  private static final class Count {
    private int count;

    synchronized boolean take(int limit, Duration wait) {
      long until = System.nanoTime() + wait.toNanos();
      for (long left = wait.toNanos(); count >= limit; left = until - System.nanoTime()) {
        if (left <= 0) return false;
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      count++;
      return true;
    }

    synchronized boolean release() {
      if (count == 0) return false;
      count--;
      notifyAll();
      return true;
    }

    synchronized int now() {
      return count;
    }
  }
}
