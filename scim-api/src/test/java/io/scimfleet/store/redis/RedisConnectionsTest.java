package io.scimfleet.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.store.StoreException;
import io.scimfleet.testing.TestRedis;
import java.net.URI;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

class RedisConnectionsTest {
  @Test
  public void aUrlEndingInSlashThreeUsesDatabaseThree() {
    String key = TestRedis.uniquePrefix("db") + "probe";
    try (JedisPool pool = RedisConnections.pool(RedisKeysTest.withDatabase(3), 2);
        Jedis pooled = pool.getResource();
        Jedis direct = new Jedis(URI.create(TestRedis.url()))) {
      pooled.set(key, "here");
      try {
        assertThat(pooled.getDB()).isEqualTo(3);
        direct.select(3);
        assertThat(direct.get(key)).isEqualTo("here");
        direct.select(0);
        assertThat(direct.exists(key)).isFalse();
      } finally {
        pooled.del(key);
      }
    }
  }

  @Test
  public void anUnreachableRedisIsARetryableStoreException() {
    try (JedisPool pool = RedisConnections.pool("redis://127.0.0.1:1", 1)) {
      RedisProviderStore providers =
          new RedisProviderStore(pool, new RedisKeys("test:unreachable:"));

      assertThatThrownBy(providers::list)
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageContaining("Redis failed to list providers");
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "redis://fleet:s3cr%et@redis host:6379/0",
        "redis://:s3cr et@redis:6379",
        "rediss://fleet:s3cr/et@@redis:6380/2 ",
        "redis://fleet:s3cr^et@[::1:6379"
      })
  public void aMalformedUrlIsRefusedWithoutItsPassword(String url) {
    assertThatThrownBy(() -> RedisConnections.pool(url, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REDIS_URL")
        .hasMessageContaining("***@")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr"))
        .hasNoCause();
  }
}
