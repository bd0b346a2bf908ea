package io.scimfleet.store.redis;

import io.scimfleet.store.DeletionStore;
import io.scimfleet.store.DeletionStoreContractTest;
import io.scimfleet.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class RedisDeletionStoreTest extends DeletionStoreContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisDeletionStoreTest.class);
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
  protected DeletionStore newDeletionStore() {
    return new RedisDeletionStore(redis.pool(), redis.keys());
  }
}
