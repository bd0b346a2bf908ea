package io.scimfleet.store.redis;

import io.scimfleet.store.ChangeFeed;
import io.scimfleet.store.ChangeFeedContractTest;
import io.scimfleet.testing.RedisFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Idle times are Redis's own: the contract test waits for them with Awaitility. */
class RedisChangeFeedTest extends ChangeFeedContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisChangeFeedTest.class);
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
  protected ChangeFeed newFeed() {
    return new RedisChangeFeed(redis.pool(), redis.keys());
  }

  @Override
  protected void passTime(Duration duration) {
    // Redis measures idle time itself; the test awaits it
  }
}
