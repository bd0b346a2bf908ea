package io.scimfleet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

class TestRedisTest {
  @Test
  void deleteKeysRemovesOnlyTheKeysUnderItsPrefix() {
    String mine = TestRedis.uniquePrefix("mine");
    String other = TestRedis.uniquePrefix("other");
    try (JedisPool pool = TestRedis.pool();
        Jedis jedis = pool.getResource()) {
      jedis.set(mine + "a", "1");
      jedis.set(mine + "b", "2");
      jedis.set(other + "a", "3");

      TestRedis.deleteKeys(pool, mine);

      assertThat(jedis.exists(mine + "a", mine + "b")).isZero();
      assertThat(jedis.get(other + "a")).isEqualTo("3");
      TestRedis.deleteKeys(pool, other);
    }
  }
}
