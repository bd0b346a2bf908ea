package io.scimfleet.scheduler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.model.Credential;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.http.ApiServer;
import io.scimfleet.scheduler.http.ApiSettings;
import io.scimfleet.store.redis.RedisKeys;
import io.scimfleet.testing.ReceivedPasswords;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.Tuple;

/**
 * Password changes end to end: the API, the change feed, a worker, and real SCIM-SDK servers, one
 * that announces {@code changePassword} and one that does not, on the real Redis. The clear text is
 * looked for in every key under the test's prefix and in everything the JVM logged.
 */
class PasswordSyncIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String ADMIN = "password-it-admin-token";
  private static final String SECRET = "Tr0ub4dor&3-never-in-clear-7f1e";
  private static final String LOG_MARK = "password test: the log is captured";

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private ScimSdkServer accepting;
  private ScimSdkServer plain;
  private ScimSdkServer refusing;
  private Fleet fleet;
  private ApiServer api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    originalErr = System.err;
    System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
    LoggerFactory.getLogger(PasswordSyncIT.class).info(LOG_MARK);
    accepting = ScimSdkServer.start(ScimSdkServer.Options.defaults().withChangePassword(true));
    plain = ScimSdkServer.start(ScimSdkServer.Options.defaults().withChangePassword(true));
    refusing = ScimSdkServer.start(ScimSdkServer.Options.defaults());
    fleet = new Fleet(PasswordSyncIT.class, 1, TestSecurity.settings());
    fleet.addProvider(
        aProvider("accepting")
            .at(accepting.baseUrl().toString())
            .withCredential(Credential.inline(accepting.token()))
            .syncingPasswords()
            .build());
    fleet.addProvider(
        aProvider("plain")
            .at(plain.baseUrl().toString())
            .withCredential(Credential.inline(plain.token()))
            .build());
    fleet.addProvider(
        aProvider("refusing")
            .at(refusing.baseUrl().toString())
            .withCredential(Credential.inline(refusing.token()))
            .syncingPasswords()
            .build());
  }

  @AfterEach
  void stop() {
    if (api != null) api.close();
    fleet.close();
    accepting.close();
    plain.close();
    refusing.close();
    System.setErr(originalErr);
  }

  @Test
  void aChangedPasswordIsDeliveredOnceOnlyWhereWantedAndAcceptedAndNeverLiesInClear() {
    startApi(SecuritySettings.DEFAULT_PASSWORD_TTL);
    assertThat(send("PUT", "/api/v1/users/u1", "{\"username\":\"ada\"}").statusCode())
        .isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                accepting.users().size() == 1
                    && plain.users().size() == 1
                    && refusing.users().size() == 1);

    accepting.holdWrites();
    assertThat(
            send("PUT", "/api/v1/users/u1/password", "{\"password\":\"" + SECRET + "\"}")
                .statusCode())
        .isEqualTo(204);
    await().atMost(PATIENCE).until(() -> accepting.writesRefused() >= 1);

    String sealed = redisString(fleet.redis.keys().password("u1"));
    assertThat(sealed).startsWith("sealed:v2:").doesNotContain(SECRET);
    assertThat(TestSecurity.openPassword("u1", sealed)).isEqualTo(SECRET);
    assertNoClearTextAnywhere();
    assertThat(accepting.passwordsReceived()).isEmpty();

    accepting.releaseWrites();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                !accepting.passwordsReceived().isEmpty()
                    && passwordNote("refusing", "u1").isPresent());
    await().atMost(PATIENCE).until(() -> redisString(fleet.redis.keys().password("u1")) == null);

    assertThat(accepting.passwordsReceived())
        .containsExactly(new ReceivedPasswords.Received("PATCH", SECRET));
    assertThat(plain.passwordsReceived()).isEmpty();
    assertThat(refusing.passwordsReceived()).isEmpty();
    assertThat(passwordNote("accepting", "u1")).contains("delivered");
    assertThat(passwordNote("refusing", "u1"))
        .contains("password changes not supported by the target");
    assertThat(passwordNote("plain", "u1")).isEmpty();

    awaitRun("accepting", fleet.scheduler.fullSyncs().startNow("accepting", false));
    awaitRun("accepting", fleet.scheduler.fullSyncs().startNow("accepting", true));
    assertThat(accepting.passwordsReceived()).hasSize(1);
    assertNoClearTextAnywhere();
  }

  @Test
  void aPasswordThatComesWithANewUserGoesInTheCreate() {
    startApi(SecuritySettings.DEFAULT_PASSWORD_TTL);

    assertThat(
            send(
                    "POST",
                    "/api/v1/import",
                    "{\"type\":\"user\",\"id\":\"u2\",\"username\":\"grace\",\"password\":\""
                        + SECRET
                        + "\"}\n")
                .statusCode())
        .isEqualTo(200);

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                passwordNote("accepting", "u2").isPresent()
                    && passwordNote("refusing", "u2").isPresent()
                    && plain.users().size() == 1);
    assertThat(accepting.passwordsReceived())
        .containsExactly(new ReceivedPasswords.Received("POST", SECRET));
    assertThat(accepting.requestCount("PATCH")).isZero();
    assertThat(plain.passwordsReceived()).isEmpty();
    assertThat(refusing.passwordsReceived()).isEmpty();
    assertThat(refusing.users()).hasSize(1);
    await().atMost(PATIENCE).until(() -> redisString(fleet.redis.keys().password("u2")) == null);
    assertNoClearTextAnywhere();
  }

  @Test
  void aPasswordNotDeliveredWithinItsTtlIsDroppedAndTheDropRecorded() {
    startApi(Duration.ofSeconds(3));
    send("PUT", "/api/v1/users/u3", "{\"username\":\"linus\"}");
    await().atMost(PATIENCE).until(() -> accepting.users().size() == 1);

    accepting.holdWrites();
    assertThat(
            send("PUT", "/api/v1/users/u3/password", "{\"password\":\"" + SECRET + "\"}")
                .statusCode())
        .isEqualTo(204);

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                passwordNote("accepting", "u3")
                    .filter(note -> note.startsWith("dropped"))
                    .isPresent());
    accepting.releaseWrites();
    assertThat(passwordNote("accepting", "u3"))
        .contains("dropped: not delivered before SCIM_PASSWORD_TTL ran out");
    assertThat(passwordNote("plain", "u3")).isEmpty();
    assertThat(redisString(fleet.redis.keys().password("u3"))).isNull();
    await()
        .during(Duration.ofSeconds(3))
        .atMost(PATIENCE)
        .until(() -> accepting.passwordsReceived().isEmpty());
    assertNoClearTextAnywhere();
  }

  private void startApi(Duration passwordTtl) {
    SecuritySettings security = TestSecurity.settings().withPasswordTtl(passwordTtl);
    api =
        ApiServer.start(
            fleet.scheduler,
            new ProviderRegistry(fleet.stores, fleet.scheduler.fullSyncs(), security),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            new ApiSettings(ADMIN, null, 1 << 20, 0));
  }

  private HttpResponse<String> send(String method, String path, String body) {
    String type = path.endsWith("/import") ? "application/x-ndjson" : "application/json";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .header("Authorization", "Bearer " + ADMIN)
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Optional<String> passwordNote(String provider, String userId) {
    return fleet
        .stores
        .syncState()
        .get(provider, ObjectType.USER, userId)
        .map(ObjectSyncState::password);
  }

  private FullSyncRun awaitRun(String provider, String runId) {
    await()
        .atMost(PATIENCE)
        .until(() -> fleet.lastRun(provider).filter(run -> run.runId().equals(runId)).isPresent());
    return fleet.lastRun(provider).orElseThrow();
  }

  private String redisString(String key) {
    try (Jedis jedis = fleet.redis.pool().getResource()) {
      return jedis.get(key);
    }
  }

  /**
   * Every value of every key under the test's prefix, and the log so far, are free of the clear
   * text.
   */
  private void assertNoClearTextAnywhere() {
    List<String> values = redisValues(fleet.redis.keys());
    assertThat(values).as("values under " + fleet.redis.prefix()).isNotEmpty();
    assertThat(values).noneMatch(value -> value.contains(SECRET));
    assertThat(log.toString(StandardCharsets.UTF_8)).contains(LOG_MARK).doesNotContain(SECRET);
  }

  private List<String> redisValues(RedisKeys keys) {
    List<String> values = new ArrayList<>();
    try (Jedis jedis = fleet.redis.pool().getResource()) {
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page =
            jedis.scan(cursor, new ScanParams().match(keys.prefix() + "*").count(500));
        for (String key : page.getResult()) values.addAll(valuesOf(jedis, key));
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
    return values;
  }

  private static List<String> valuesOf(Jedis jedis, String key) {
    List<String> values = new ArrayList<>(List.of(key));
    switch (jedis.type(key)) {
      case "string" -> values.add(String.valueOf(jedis.get(key)));
      case "hash" -> jedis.hgetAll(key).forEach((field, value) -> values.add(field + "=" + value));
      case "list" -> values.addAll(jedis.lrange(key, 0, -1));
      case "set" -> values.addAll(jedis.smembers(key));
      case "zset" ->
          jedis.zrangeWithScores(key, 0, -1).stream().map(Tuple::getElement).forEach(values::add);
      case "stream" ->
          jedis.xrange(key, "-", "+").stream()
              .map(StreamEntry::getFields)
              .forEach(fields -> values.add(fields.toString()));
      default -> values.add("type " + jedis.type(key));
    }
    return values;
  }

  /** Writes to the real stderr and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      synchronized (second) {
        second.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      synchronized (second) {
        second.write(b, off, len);
      }
    }
  }
}
