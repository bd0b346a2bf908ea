package io.scimfleet.store.redis;

import static org.awaitility.Awaitility.await;

import io.scimfleet.store.ObjectLocks;
import io.scimfleet.store.ObjectLocksContractTest;
import io.scimfleet.testing.RedisFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Leases run out in Redis (PX): the contract test waits for them with Awaitility. */
class RedisObjectLocksTest extends ObjectLocksContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisObjectLocksTest.class);
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
  protected ObjectLocks newLocks() {
    return new RedisObjectLocks(redis.pool(), redis.keys());
  }

  @Override
  protected void passTime(Duration duration) {
    // Redis expires the key itself, in real time: let it pass
    await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
  }
}
