package io.scimfleet.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.store.PasswordStore;
import io.scimfleet.store.PasswordStoreContractTest;
import io.scimfleet.testing.RedisFixture;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisPasswordStoreTest extends PasswordStoreContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisPasswordStoreTest.class);
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
  protected PasswordStore newPasswordStore() {
    return new RedisPasswordStore(redis.pool(), redis.keys(), Clock.systemUTC());
  }

  @Test
  void theSealedTextLivesInItsOwnKeyThatRedisExpiresAtTheTtl() {
    passwords.put("u1", "sealed:v1:k:abc", Duration.ofHours(24));

    try (var jedis = redis.pool().getResource()) {
      assertThat(jedis.get(redis.keys().password("u1"))).isEqualTo("sealed:v1:k:abc");
      assertThat(jedis.pttl(redis.keys().password("u1")))
          .isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis());
      assertThat(jedis.hgetAll(redis.keys().passwordState("u1")).values())
          .noneMatch(v -> v.contains("abc"));
    }
  }
}
