package io.scimfleet.store.redis;

import io.scimfleet.store.ObjectHistory;
import io.scimfleet.store.ObjectHistoryContractTest;
import io.scimfleet.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class RedisObjectHistoryTest extends ObjectHistoryContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisObjectHistoryTest.class);
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
  protected ObjectHistory newObjectHistory() {
    return new RedisObjectHistory(redis.pool(), redis.keys());
  }
}
