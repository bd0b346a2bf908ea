package io.scimfleet.ratelimit;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Rate limits held in this process: one bucket per provider and limit. */
final class LocalRateLimiter implements RateLimiter {
  private final AdaptiveLimits adaptive = new LocalAdaptiveLimits();

  @Override
  public AdaptiveLimits adaptiveLimits() {
    return adaptive;
  }

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  @Override
  public Duration acquire(String provider, int requestsPerMinute) {
    Bucket bucket =
        buckets.computeIfAbsent(
            provider + "|" + requestsPerMinute,
            key ->
                Bucket.builder()
                    .addLimit(Buckets.perMinute(requestsPerMinute).getBandwidths()[0])
                    .build());
    return Buckets.take(bucket.asBlocking());
  }
}
