package io.scimfleet.store.redis;

import io.scimfleet.store.ProviderStore;
import io.scimfleet.store.ProviderStoreContractTest;
import io.scimfleet.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class RedisProviderStoreTest extends ProviderStoreContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisProviderStoreTest.class);
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
  protected ProviderStore newStore() {
    return new RedisProviderStore(redis.pool(), redis.keys());
  }
}
