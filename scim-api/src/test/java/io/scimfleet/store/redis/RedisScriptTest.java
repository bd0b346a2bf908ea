package io.scimfleet.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.testing.PrivateRedis;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * On a Redis of its own (a test that flushes the script cache and restarts Redis must not do so to
 * the Redis other tests share): a script runs by its SHA and survives Redis forgetting it.
 */
class RedisScriptTest {
  private static final RedisScript INCREMENT =
      new RedisScript("return redis.call('INCRBY', KEYS[1], ARGV[1])");

  private static PrivateRedis redis;

  @BeforeAll
  static void startRedis() {
    redis = PrivateRedis.start("scripts");
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void aCallIsSentByItsShaOnceRedisKnowsTheScript() {
    try (Jedis jedis = connect()) {
      jedis.scriptFlush();
      jedis.configResetStat();
      assertThat(INCREMENT.run(jedis, List.of("sha"), List.of("1"))).isEqualTo(1L);
      assertThat(jedis.scriptExists(INCREMENT.sha())).isTrue();
      assertThat(INCREMENT.run(jedis, List.of("sha"), List.of("2"))).isEqualTo(3L);
      // the source went over the wire once (SCRIPT LOAD), never by EVAL
      String stats = jedis.info("commandstats");
      assertThat(stats).contains("cmdstat_evalsha:calls=3,").doesNotContain("cmdstat_eval:");
      assertThat(stats).contains("cmdstat_script|load:calls=1,");
    }
  }

  @Test
  void aCallSurvivesScriptFlush() {
    try (Jedis jedis = connect()) {
      INCREMENT.run(jedis, List.of("flushed"), List.of("1"));
      jedis.scriptFlush();
      assertThat(INCREMENT.run(jedis, List.of("flushed"), List.of("1"))).isEqualTo(2L);
    }
  }

  @Test
  void aCallSurvivesARestartOfRedis() {
    try (Jedis jedis = connect()) {
      INCREMENT.run(jedis, List.of("restarted"), List.of("5"));
    }
    redis.stop();
    redis.startAgain(); // the data comes back from the AOF, the scripts do not
    try (Jedis jedis = connect()) {
      assertThat(jedis.scriptExists(INCREMENT.sha())).isFalse();
      assertThat(INCREMENT.run(jedis, List.of("restarted"), List.of("1"))).isEqualTo(6L);
    }
  }

  @Test
  void aPipelineRunsEveryCallOnceAfterScriptFlush() {
    try (Jedis jedis = connect()) {
      jedis.scriptFlush();
      List<RedisScript.Call> calls = new ArrayList<>();
      for (int i = 0; i < 5; i++) calls.add(new RedisScript.Call(List.of("piped"), List.of("1")));
      assertThat(INCREMENT.runAll(jedis, calls)).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(jedis.get("piped")).isEqualTo("5");
    }
  }

  @Test
  void aTransactionLoadsTheScriptItUsesAndRunsWholeAfterScriptFlush() {
    try (Jedis jedis = connect()) {
      jedis.scriptFlush();
      Transaction transaction = jedis.multi();
      List<RedisScript> loaded = new ArrayList<>();
      transaction.set("before", "1");
      Response<Object> first = INCREMENT.queue(transaction, loaded, List.of("tx"), List.of("2"));
      Response<Object> second = INCREMENT.queue(transaction, loaded, List.of("tx"), List.of("3"));
      transaction.exec();
      assertThat(first.get()).isEqualTo(2L);
      assertThat(second.get()).isEqualTo(5L);
      assertThat(loaded).containsExactly(INCREMENT);
    }
  }

  @Test
  void anErrorOfTheScriptItselfIsNotTakenForAMissingScript() {
    RedisScript failing = new RedisScript("return redis.call('INCRBY', KEYS[1], 'x')");
    try (Jedis jedis = connect()) {
      assertThatThrownBy(() -> failing.run(jedis, List.of("bad"), List.of()))
          .hasMessageContaining("not an integer");
    }
  }

  private static Jedis connect() {
    return new Jedis(URI.create(redis.url()));
  }
}
