package io.scimfleet.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.Receipt;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.store.ReceiptStore;
import io.scimfleet.store.ReceiptStoreContractTest;
import io.scimfleet.testing.RedisFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class RedisReceiptStoreTest extends ReceiptStoreContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisReceiptStoreTest.class);
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
  protected ReceiptStore newReceiptStore(Duration retention) {
    return new RedisReceiptStore(redis.pool(), redis.keys(), retention);
  }

  @Test
  void aLivingUsersReceiptsNeverExpireAndADeletedUsersDoFromEachWrite() {
    ReceiptStore store = newReceiptStore(Duration.ofDays(90));
    Receipt receipt = Receipt.after(null, "slack", SyncOutcome.CREATED, "s-1", Instant.now(), null);
    store.put("u1", receipt);
    try (Jedis jedis = redis.pool().getResource()) {
      assertThat(jedis.pttl(redis.keys().receipts("u1"))).isEqualTo(-1);

      store.userDeleted("u1", Instant.now());
      store.put("u1", receipt);

      assertThat(jedis.pttl(redis.keys().receipts("u1")))
          .isBetween(Duration.ofDays(89).toMillis(), Duration.ofDays(90).toMillis());
    }
  }
}
