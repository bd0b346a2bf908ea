package io.scimfleet.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.store.ConsoleSessionStore;
import io.scimfleet.store.ConsoleSessionStoreContractTest;
import io.scimfleet.testing.RedisFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class RedisConsoleSessionStoreTest extends ConsoleSessionStoreContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisConsoleSessionStoreTest.class);
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
  protected ConsoleSessionStore newStore() {
    return new RedisConsoleSessionStore(redis.pool(), redis.keys());
  }

  @Test
  void redisHoldsTheSessionUnderAHashOfItsIdWithTheIdleTimeAsTtl() {
    store.open("the-session-id", "csrf", Duration.ofMinutes(30));

    try (Jedis j = redis.pool().getResource()) {
      var keys = j.keys(redis.prefix() + "console:session:*");
      assertThat(keys).hasSize(1);
      String key = keys.iterator().next();
      assertThat(key).doesNotContain("the-session-id");
      assertThat(j.pttl(key))
          .isBetween(Duration.ofMinutes(29).toMillis(), Duration.ofMinutes(30).toMillis());
    }
  }
}
