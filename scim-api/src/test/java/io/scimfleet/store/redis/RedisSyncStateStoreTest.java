package io.scimfleet.store.redis;

import io.scimfleet.store.ObjectLocks;
import io.scimfleet.store.SyncStateStore;
import io.scimfleet.store.SyncStateStoreContractTest;
import io.scimfleet.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class RedisSyncStateStoreTest extends SyncStateStoreContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisSyncStateStoreTest.class);
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
  protected SyncStateStore newStore() {
    return new RedisSyncStateStore(redis.pool(), redis.keys());
  }
}
