package io.scimfleet.store.redis;

import io.scimfleet.ratelimit.AdaptiveLimits;
import io.scimfleet.ratelimit.AdaptiveLimitsContractTest;
import io.scimfleet.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class RedisAdaptiveLimitsTest extends AdaptiveLimitsContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisAdaptiveLimitsTest.class);
  }

  @AfterEach
  void removeKeys() {
    redis.clean();
  }

  @AfterAll
  static void closeRedis() {
    redis.close();
  }

  @Override
  protected AdaptiveLimits newLimits() {
    return new RedisAdaptiveLimits(redis.pool(), redis.keys());
  }
}
