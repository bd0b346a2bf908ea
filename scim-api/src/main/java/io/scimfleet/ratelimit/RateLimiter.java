package io.scimfleet.ratelimit;

import java.time.Duration;

/**
 * A provider's rate limit: at most {@code requestsPerMinute} requests a minute, with bursts of up
 * to a quarter of that. The Redis implementation holds for the whole fleet, not per process.
 */
public interface RateLimiter {

  /** Blocks until one request may go; returns how long it waited. */
  Duration acquire(String provider, int requestsPerMinute);

  /** The learned concurrency limits per target host, on the same backend. */
  AdaptiveLimits adaptiveLimits();

  /** Rate limits of this process alone (the all-in-one fleet in memory, tests). */
  static RateLimiter local() {
    return new LocalRateLimiter();
  }
}
