package io.scimfleet.store.redis;

import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.ratelimit.RateLimiterContractTest;
import io.scimfleet.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Two limiters on one Redis stand for two workers: the limit holds for both together. */
class RedisRateLimiterTest extends RateLimiterContractTest {
  private static RedisFixture redis;
  private static RateLimiter first;
  private static RateLimiter second;

  @BeforeAll
  static void open() {
    redis = RedisFixture.open(RedisRateLimiterTest.class);
    first = new RedisRateLimiter(redis.pool(), redis.keys());
    second = new RedisRateLimiter(redis.pool(), redis.keys());
  }

  @AfterAll
  static void close() {
    redis.close();
  }

  @Override
  protected RateLimiter limiter() {
    return first;
  }

  @Override
  protected RateLimiter second() {
    return second;
  }
}
