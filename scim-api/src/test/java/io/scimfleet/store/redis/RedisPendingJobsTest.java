package io.scimfleet.store.redis;

import io.scimfleet.store.PendingJobs;
import io.scimfleet.store.PendingJobsContractTest;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class RedisPendingJobsTest extends PendingJobsContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisPendingJobsTest.class);
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
  protected PendingJobs newPendingJobs(MutableClock clock) {
    return new RedisPendingJobs(redis.pool(), redis.keys(), clock);
  }
}
