package io.scimfleet.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/** The token bucket behind every rate limit, and taking one token from it. */
public final class Buckets {
  private Buckets() {}

  /**
   * Refills {@code requestsPerMinute} a minute, evenly; holds a quarter minute's worth for bursts.
   */
  public static BucketConfiguration perMinute(int requestsPerMinute) {
    if (requestsPerMinute <= 0)
      throw new IllegalArgumentException("requestsPerMinute must be positive");
    long burst = Math.max(1, requestsPerMinute / 4);
    return BucketConfiguration.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(burst)
                .refillGreedy(requestsPerMinute, Duration.ofMinutes(1))
                .initialTokens(burst)
                .build())
        .build();
  }

  /** Takes one token, waiting for it when needed; returns how long that took. */
  public static Duration take(BlockingBucket bucket) {
    long started = System.nanoTime();
    try {
      bucket.consume(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the rate limit", e);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
