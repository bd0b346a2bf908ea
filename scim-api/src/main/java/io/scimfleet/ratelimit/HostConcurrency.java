package io.scimfleet.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * This process's part of one target host's adaptive limit: requests in flight against its share
 * ({@code allowed}), and what they told since the last report (successes, overload). A request
 * waits for room; its answer frees it. The share is set at each reconciliation with the fleet's
 * limit. Its successes count once per worker sharing the host: each worker's share grows by one
 * request per round trip, as one worker's limit alone does (N workers grow the fleet's limit N per
 * round trip, as N separate clients would), while an overload cuts the whole limit as before.
 */
final class HostConcurrency {
  /** An answer this many times slower than the host's best (and over 250 ms) is an overload. */
  static final double SLOW = 3.0;

  private static final long SLOW_FLOOR_NANOS = Duration.ofMillis(250).toNanos();
  private static final long WAIT_STEP_MS = 100;

  private final String host;
  private int inFlight;
  private int allowed = (int) AdaptiveLimits.INITIAL;
  private double limit = AdaptiveLimits.INITIAL;
  private int successes;

  /** The workers sharing the host at the last report (this one included). */
  private int workers = 1;

  private boolean overloaded;
  private double bestNanos = Double.MAX_VALUE;
  private Instant reportedAt = Instant.MIN;

  HostConcurrency(String host) {
    this.host = host;
  }

  String host() {
    return host;
  }

  /**
   * Waits until fewer than {@code min(share, ceiling)} of this process's requests are in flight.
   */
  synchronized void acquire(int ceiling) {
    while (inFlight >= Math.max(1, Math.min(allowed, ceiling))) {
      try {
        wait(WAIT_STEP_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for room on " + host, e);
      }
    }
    inFlight++;
  }

  /** A request ended with {@code status} (-1: no answer) after {@code took}. */
  synchronized void release(int status, Duration took) {
    inFlight = Math.max(0, inFlight - 1);
    notifyAll();
    long nanos = took.toNanos();
    if (status == 429 || status == 503 || status < 0) {
      overloaded = true;
    } else if (status < 500) {
      bestNanos = Math.min(bestNanos * 1.01, (double) nanos);
      if (nanos > SLOW * bestNanos && nanos > SLOW_FLOOR_NANOS) overloaded = true;
      else successes++;
    }
  }

  /**
   * Reports what this process saw to the fleet and takes its new share of the limit, unless {@code
   * force} is false and the report would change nothing yet: no overload, fewer successes than it
   * takes to raise the limit by one (or the limit already at its maximum), and the last report less
   * than {@code heartbeat} ago. The successes wait for the next report; the heartbeat keeps this
   * worker among those sharing the limit and learns what the others changed.
   */
  void reconcile(
      AdaptiveLimits limits, String worker, Instant now, Duration heartbeat, boolean force) {
    int reported;
    boolean refused;
    synchronized (this) {
      if (!force && !due(now, heartbeat)) return;
      reported = successes * workers;
      refused = overloaded;
      successes = 0;
      overloaded = false;
      reportedAt = now;
    }
    double fleet = limits.report(host, reported, refused, now);
    int sharing = limits.workers(host, worker, now);
    synchronized (this) {
      limit = fleet;
      workers = sharing;
      allowed = Math.max(1, (int) Math.floor(fleet / sharing));
      notifyAll();
    }
  }

  private boolean due(Instant now, Duration heartbeat) {
    boolean raises = successes * workers >= limit && limit < AdaptiveLimits.MAX;
    return overloaded || raises || !now.isBefore(reportedAt.plus(heartbeat));
  }

  synchronized double limit() {
    return limit;
  }

  synchronized int allowed() {
    return allowed;
  }
}
