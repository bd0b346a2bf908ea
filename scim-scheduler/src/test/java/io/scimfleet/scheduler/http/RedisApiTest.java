package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.store.redis.RedisKeys;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.TestRedis;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * The same API over the Redis stores: what it writes is in Redis, under this class's own prefix.
 */
class RedisApiTest {
  private static final String PREFIX = TestRedis.uniquePrefix("api");
  private static JedisPool pool;
  private static ApiFixture fixture;

  @BeforeAll
  static void start() {
    pool = TestRedis.pool();
    fixture = new ApiFixture(RedisStores.create(pool, new RedisKeys(PREFIX), Clock.systemUTC()));
  }

  @AfterAll
  static void stop() {
    fixture.close();
    try (JedisPool cleaner = TestRedis.pool()) {
      TestRedis.deleteKeys(cleaner, PREFIX);
    }
    fixture.stores.close();
  }

  @Test
  void directoryAndProvidersAreStoredInRedis() {
    ApiClient api = fixture.api;
    api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");
    api.send(
        "POST",
        "/api/v1/import",
        BodyPublishers.ofString(
            """
        {"type":"group","id":"g1","name":"Engineering","members":["u1","u2"]}
        {"type":"user","id":"u2","username":"alan"}
        """),
        "application/x-ndjson");
    api.put("/api/v1/providers/slack", ProviderApiTest.SLACK);

    assertThat(api.get("/api/v1/groups/g1").json().path("members").toString())
        .isEqualTo("[\"u1\",\"u2\"]");
    assertThat(api.get("/api/v1/providers/slack").json().path("credential").asText())
        .isEqualTo("inline");
    assertThat(api.get("/api/v1/providers/slack/status").json().path("running").asBoolean())
        .isFalse();
    assertThat(
            api.post("/api/v1/providers/slack/preview", "{\"type\":\"group\",\"id\":\"g1\"}")
                .json()
                .path("valid")
                .asBoolean())
        .isTrue();
    assertThat(fixture.anonymous.get("/health/ready").status()).isEqualTo(200);
    try (var jedis = pool.getResource()) {
      assertThat(jedis.keys(PREFIX + "*")).isNotEmpty();
    }
  }

  @Test
  void aBadGroupStoresNothingInRedis() {
    ApiClient.Answer answer =
        fixture.api.put("/api/v1/groups/g9", "{\"name\":\"X\",\"members\":[\"ghost\"]}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(fixture.stores.directory().group("g9")).isEmpty();
  }
}
