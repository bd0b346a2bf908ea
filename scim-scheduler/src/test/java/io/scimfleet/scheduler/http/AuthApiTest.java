package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.store.redis.RedisKeys;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.TestRedis;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.JedisPool;

/**
 * The provider's {@code auth} object: shown without its secret, stored sealed in Redis, refused
 * when incomplete.
 */
class AuthApiTest {
  private static final String PREFIX = TestRedis.uniquePrefix("auth-api");
  private static final String PASSWORD = "p4ss-word-never-shown";
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
    TestRedis.deleteKeys(pool, PREFIX);
    fixture.stores.close();
    pool.close();
  }

  @Test
  void basicAuthRoundTripsWithoutItsPasswordAndIsStoredSealed() {
    ApiClient.Answer put =
        fixture.api.put(
            "/api/v1/providers/basic",
            provider(
                "{\"type\":\"basic\",\"username\":\"ada\",\"password\":\"" + PASSWORD + "\"}"));
    ApiClient.Answer got = fixture.api.get("/api/v1/providers/basic");

    assertThat(put.status()).isEqualTo(200);
    assertThat(got.json().path("auth").toString())
        .isEqualTo("{\"type\":\"basic\",\"username\":\"ada\",\"source\":\"inline\"}");
    assertThat(put.body() + got.body()).doesNotContain(PASSWORD);
    assertThat(storedValues()).isNotEmpty().noneMatch(value -> value.contains(PASSWORD));
  }

  @Test
  void oauth2RoundTripsWithoutItsClientSecretAndIsStoredSealed() {
    ApiClient.Answer put =
        fixture.api.put(
            "/api/v1/providers/oauth",
            provider(
                "{\"type\":\"oauth2\","
                    + "\"tokenUrl\":\"https://login.example/oauth2/token\",\"clientId\":\"fleet\",\"clientSecret\":\""
                    + PASSWORD
                    + "\",\"scope\":\"scim.write\",\"audience\":\"https://x.example\",\"clientAuth\":\"body\"}"));
    ApiClient.Answer got = fixture.api.get("/api/v1/providers/oauth");

    assertThat(put.status()).isEqualTo(200);
    assertThat(got.json().path("auth").toString())
        .isEqualTo(
            "{\"type\":\"oauth2\",\"username\":null,"
                + "\"source\":\"inline\",\"tokenUrl\":\"https://login.example/oauth2/token\",\"clientId\":\"fleet\","
                + "\"scope\":\"scim.write\",\"audience\":\"https://x.example\",\"clientAuth\":\"body\"}");
    assertThat(put.body() + got.body() + fixture.api.get("/api/v1/providers").body())
        .doesNotContain(PASSWORD);
    assertThat(storedValues()).isNotEmpty().noneMatch(value -> value.contains(PASSWORD));
  }

  @Test
  void oauth2ClientAuthIsBasicUnlessSaidOtherwise() {
    fixture.api.put(
        "/api/v1/providers/oauth-env",
        provider(
            "{\"type\":\"oauth2\","
                + "\"tokenUrl\":\"https://login.example/token\",\"clientId\":\"fleet\",\"clientSecretEnv\":\"SCIM_TARGET_CS\"}"));

    assertThat(fixture.api.get("/api/v1/providers/oauth-env").json().path("auth").toString())
        .isEqualTo(
            "{\"type\":\"oauth2\",\"username\":null,\"source\":\"env:SCIM_TARGET_CS\","
                + "\"tokenUrl\":\"https://login.example/token\",\"clientId\":\"fleet\",\"clientAuth\":\"basic\"}");
  }

  @Test
  void theTokenFieldsAreBearerShorthand() {
    fixture.api.put(
        "/api/v1/providers/shorthand",
        "{\"baseUrl\":\"https://x.example\",\"tokenEnv\":\"SCIM_TARGET_X\"}");

    assertThat(fixture.api.get("/api/v1/providers/shorthand").json().path("auth").toString())
        .isEqualTo("{\"type\":\"bearer\",\"username\":null,\"source\":\"env:SCIM_TARGET_X\"}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"bearer\",\"token\":\"a\",\"tokenEnv\":\"SCIM_TARGET_A\"}",
        "{\"type\":\"bearer\"}",
        "{\"type\":\"kerberos\",\"token\":\"a\"}",
        "{\"token\":\"a\"}",
        "{\"type\":\"basic\",\"password\":\"a\"}",
        "{\"type\":\"basic\",\"username\":\"ada\"}",
        "{\"type\":\"basic\",\"username\":\"ada\",\"token\":\"a\"}",
        "{\"type\":\"basic\",\"username\":\"ada\",\"password\":\"a\",\"passwordEnv\":\"SCIM_TARGET_P\"}",
        "{\"type\":\"basic\",\"username\":\"ada\",\"passwordEnv\":\"REDIS_URL\"}",
        "{\"type\":\"basic\",\"username\":\"ada\",\"passwordFile\":\"/etc/passwd\"}",
        "{\"type\":\"oauth2\",\"clientId\":\"c\",\"clientSecret\":\"s\"}",
        "{\"type\":\"oauth2\",\"tokenUrl\":\"https://i.example/t\",\"clientSecret\":\"s\"}",
        "{\"type\":\"oauth2\",\"tokenUrl\":\"https://i.example/t\",\"clientId\":\"c\"}",
        "{\"type\":\"oauth2\",\"tokenUrl\":\"ftp://i.example/t\",\"clientId\":\"c\",\"clientSecret\":\"s\"}",
        "{\"type\":\"oauth2\",\"tokenUrl\":\"http://169.254.169.254/t\",\"clientId\":\"c\",\"clientSecret\":\"s\"}",
        "{\"type\":\"oauth2\",\"tokenUrl\":\"https://i.example/t\",\"clientId\":\"c\",\"clientSecret\":\"s\",\"clientAuth\":\"jwt\"}",
        "{\"type\":\"oauth2\",\"tokenUrl\":\"https://i.example/t\",\"clientId\":\"c\",\"clientSecret\":\"s\",\"token\":\"t\"}",
        "{\"type\":\"oauth2\",\"tokenUrl\":\"https://i.example/t\",\"clientId\":\"c\",\"clientSecret\":\"s\",\"clientSecretEnv\":\"SCIM_TARGET_S\"}",
        "{\"type\":\"oauth2\",\"tokenUrl\":\"https://i.example/t\",\"clientId\":\"c\",\"clientSecretEnv\":\"HOME\"}",
        "{\"type\":\"oauth2\",\"tokenUrl\":\"https://i.example/t\",\"clientId\":\"c\",\"clientSecretFile\":\"/etc/passwd\"}"
      })
  void anIncompleteOrDoubledCredentialIs400(String auth) {
    assertThat(fixture.api.put("/api/v1/providers/bad", provider(auth)).status()).isEqualTo(400);
  }

  @Test
  void authBesideATokenIs400() {
    String body =
        "{\"baseUrl\":\"https://x.example\",\"token\":\"t\",\"auth\":{\"type\":\"bearer\",\"token\":\"u\"}}";

    assertThat(fixture.api.put("/api/v1/providers/both", body).status()).isEqualTo(400);
  }

  private static String provider(String auth) {
    return "{\"baseUrl\":\"https://x.example/scim/v2\",\"auth\":" + auth + "}";
  }

  private static java.util.List<String> storedValues() {
    try (var jedis = pool.getResource()) {
      return jedis.keys(PREFIX + "*").stream()
          .flatMap(
              key ->
                  switch (jedis.type(key)) {
                    case "string" -> java.util.stream.Stream.of(jedis.get(key));
                    case "hash" -> jedis.hgetAll(key).values().stream();
                    default -> java.util.stream.Stream.of(key);
                  })
          .toList();
    }
  }
}
