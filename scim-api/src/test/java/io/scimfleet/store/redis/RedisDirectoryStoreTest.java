package io.scimfleet.store.redis;

import io.scimfleet.store.ChangeFeed;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.DirectoryStoreContractTest;
import io.scimfleet.testing.RedisFixture;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class RedisDirectoryStoreTest extends DirectoryStoreContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisDirectoryStoreTest.class);
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
  protected DirectoryStore newDirectory(ChangeFeed feed, Clock clock) {
    return new RedisDirectoryStore(redis.pool(), redis.keys(), clock);
  }
}
