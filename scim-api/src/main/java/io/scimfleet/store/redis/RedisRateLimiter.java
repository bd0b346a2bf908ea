package io.scimfleet.store.redis;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.serialization.Mapper;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import io.scimfleet.ratelimit.AdaptiveLimits;
import io.scimfleet.ratelimit.Buckets;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.store.StoreException;
import java.time.Duration;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Rate limits shared by every worker: one Bucket4j token bucket per provider in Redis (compare and
 * swap), so Slack's 600 writes a minute hold for the whole fleet, not per pod.
 */
public final class RedisRateLimiter implements RateLimiter {
  private final ProxyManager<String> buckets;
  private final RedisKeys keys;
  private final AdaptiveLimits adaptive;

  public RedisRateLimiter(JedisPool pool, RedisKeys keys) {
    this.keys = keys;
    this.adaptive = new RedisAdaptiveLimits(pool, keys);
    this.buckets =
        Bucket4jJedis.casBasedBuilder(pool)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .keyMapper(Mapper.STRING)
            .build();
  }

  @Override
  public AdaptiveLimits adaptiveLimits() {
    return adaptive;
  }

  @Override
  public Duration acquire(String provider, int requestsPerMinute) {
    try {
      return Buckets.take(
          buckets
              .builder()
              .build(
                  keys.rateLimit(provider, requestsPerMinute),
                  () -> Buckets.perMinute(requestsPerMinute))
              .asBlocking());
    } catch (JedisException e) {
      throw new StoreException("Redis failed to take a rate-limit token for " + provider, e);
    }
  }
}
