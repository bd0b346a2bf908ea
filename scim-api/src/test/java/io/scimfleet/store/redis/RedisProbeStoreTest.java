package io.scimfleet.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.store.ProbeStore;
import io.scimfleet.store.ProbeStoreContractTest;
import io.scimfleet.testing.RedisFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class RedisProbeStoreTest extends ProbeStoreContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisProbeStoreTest.class);
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
  protected ProbeStore newStore() {
    return new RedisProbeStore(redis.pool(), redis.keys());
  }

  @Test
  void redisHoldsTheReportUnderTheProviderWithItsTtl() {
    store.put("crm", "p1", "{}", ProbeStore.TTL);

    try (Jedis j = redis.pool().getResource()) {
      String key = redis.prefix() + "probe:{crm}:p1";
      assertThat(j.get(key)).isEqualTo("{}");
      assertThat(j.pttl(key))
          .isBetween(
              ProbeStore.TTL.minus(Duration.ofMinutes(1)).toMillis(), ProbeStore.TTL.toMillis());
    }
  }
}
