package io.scimfleet.store.redis;

import io.scimfleet.store.QuarantineStore;
import io.scimfleet.store.QuarantineStoreContractTest;
import io.scimfleet.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class RedisQuarantineStoreTest extends QuarantineStoreContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisQuarantineStoreTest.class);
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
  protected QuarantineStore newQuarantineStore() {
    return new RedisQuarantineStore(redis.pool(), redis.keys());
  }
}
