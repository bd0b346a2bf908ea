package io.scimfleet.worker.handler;

import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link DeletionGuardTest} on the Redis stores: the window's script and the held removals in
 * Redis.
 */
class RedisDeletionGuardTest extends DeletionGuardTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisDeletionGuardTest.class);
  }

  @AfterEach
  void removeKeys() {
    redis.clean();
  }

  @AfterAll
  static void closeRedis() {
    redis.close();
  }

  /** Not closed by the test: the fixture owns the pool. */
  @Override
  protected Stores newStores() {
    return RedisStores.create(redis.pool(), redis.keys(), clock);
  }
}
