package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.config.SecuritySettings;
import io.scimfleet.model.Change;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.secret.SecretBox;
import io.scimfleet.secret.SecretSources;
import io.scimfleet.store.ChangeFeed;
import io.scimfleet.store.PasswordStore;
import io.scimfleet.store.Stores;
import io.scimfleet.target.TargetPolicy;
import io.scimfleet.testing.TestSecurity;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code PUT /api/v1/users/{id}/password} and passwords in the import: write-only, kept only
 * sealed.
 */
class PasswordApiTest {
  private static final String SECRET = "correct-horse-battery-staple-41";

  private final ApiFixture fixture = ApiFixture.inMemory();
  private final ApiClient api = fixture.api;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aNewPasswordIs204KeptOnlySealedAndBecomesAPasswordChange() {
    api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");
    List<ChangeFeed.Entry> before = fixture.stores.changes().read("test", 100, Duration.ZERO);

    ApiClient.Answer answer =
        api.put("/api/v1/users/u1/password", "{\"password\":\"" + SECRET + "\"}");

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
    PasswordStore.Pending pending = pending("u1").orElseThrow();
    assertThat(pending.sealed()).startsWith("sealed:v2:").doesNotContain(SECRET);
    assertThat(TestSecurity.openPassword("u1", pending.sealed())).isEqualTo(SECRET);
    assertThat(before).isNotEmpty();
    assertThat(fixture.stores.changes().read("test", 100, Duration.ZERO))
        .extracting(ChangeFeed.Entry::change)
        .containsExactly(Change.password("u1"));
  }

  @Test
  void noRouteGivesThePasswordBack() {
    api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");
    api.put("/api/v1/users/u1/password", "{\"password\":\"" + SECRET + "\"}");

    assertThat(api.get("/api/v1/users/u1").body()).doesNotContain(SECRET).doesNotContain("sealed:");
    assertThat(api.get("/api/v1/users/u1/password").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/openapi.json").body()).doesNotContain(SECRET);
  }

  @Test
  void anUnknownUserIs404AndNothingIsStored() {
    ApiClient.Answer answer =
        api.put("/api/v1/users/ghost/password", "{\"password\":\"" + SECRET + "\"}");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).doesNotContain(SECRET);
    assertThat(pending("ghost")).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"password\":\"\"}                         | password must not be empty",
        "{\"password\":4711}                          | password must be a string, not a number",
        "{\"password\":true}                          | password must be a string, not a boolean",
        "{\"password\":[\"x\"]}                       | password must be a string, not an array",
        "{\"password\":{\"value\":\"x\"}}             | password must be a string, not an object",
        "{\"password\":null}                          | password is required",
        "{}                                           | password is required",
        "[\"x\"]                                      | expected a JSON object",
        "{\"password\":\"ok-1\",\"hint\":\"x\"}       | unknown field 'hint'",
        "{\"password\":\"unfinished-secret-41         | malformed JSON",
      })
  void badInputIs400WithAMessageAndStoresNothing(String body, String message) {
    api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");

    ApiClient.Answer answer = api.put("/api/v1/users/u1/password", body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).contains(message).doesNotContain("unfinished-secret-41");
    assertThat(pending("u1")).isEmpty();
  }

  @Test
  void aPasswordOfAtMost1024CharactersIsTakenOneMoreIsRefused() {
    api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");

    assertThat(
            api.put("/api/v1/users/u1/password", "{\"password\":\"" + "é".repeat(1025) + "\"}")
                .error())
        .isEqualTo("password must be at most 1024 characters");
    assertThat(pending("u1")).isEmpty();
    assertThat(
            api.put("/api/v1/users/u1/password", "{\"password\":\"" + "é".repeat(1024) + "\"}")
                .status())
        .isEqualTo(204);
  }

  @Test
  void aPasswordCannotHideInTheUserBody() {
    ApiClient.Answer answer =
        api.put("/api/v1/users/u1", "{\"username\":\"ada\",\"password\":\"" + SECRET + "\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).contains("unknown field 'password'").doesNotContain(SECRET);
    ApiClient.Answer inAttributes =
        api.put(
            "/api/v1/users/u1",
            "{\"username\":\"ada\",\"attributes\":{\"Password\":\"" + SECRET + "\"}}");
    assertThat(inAttributes.status()).isEqualTo(400);
    assertThat(inAttributes.error())
        .contains("PUT /api/v1/users/{id}/password")
        .doesNotContain(SECRET);
    assertThat(fixture.stores.directory().user("u1")).isEmpty();
  }

  @Test
  void withoutAKeyTheRouteIs501SayingWhatToSetAndStoresNothing() {
    SecuritySettings noKey =
        new SecuritySettings(
            new SecretSources(
                Path.of("/nonexistent"),
                SecretSources.DEFAULT_ENV_PREFIX,
                (SecretBox) null,
                Map.<String, String>of()::get),
            TargetPolicy.defaults(),
            null);
    try (ApiFixture keyless = new ApiFixture(Stores.inMemory(), noKey)) {
      keyless.api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");

      ApiClient.Answer answer =
          keyless.api.put("/api/v1/users/u1/password", "{\"password\":\"" + SECRET + "\"}");

      assertThat(answer.status()).isEqualTo(501);
      assertThat(answer.error()).contains("SCIM_SECRET_KEY").doesNotContain(SECRET);
      assertThat(keyless.stores.passwords().pending("u1", "any")).isEmpty();
    }
  }

  @Test
  void anImportedUserLineMayCarryAPasswordChecked() {
    ApiClient.Answer answer =
        importLines(
            """
        {"type":"user","id":"u1","username":"ada","password":"%s"}
        {"type":"user","id":"u2","username":"alan","password":""}
        {"type":"user","id":"u3","username":"grace","password":4711}
        {"type":"user","id":"u4","username":"linus","password":"%s"
        {"type":"user","id":"u5","username":"barbara"}
        """
                .formatted(SECRET, SECRET));

    assertThat(answer.json().path("users").asLong()).isEqualTo(2);
    assertThat(answer.json().path("errors").findValuesAsText("line"))
        .containsExactly("2", "3", "4");
    assertThat(answer.body())
        .contains("password must not be empty")
        .contains("password must be a string")
        .contains("malformed JSON")
        .doesNotContain(SECRET);
    assertThat(TestSecurity.openPassword("u1", pending("u1").orElseThrow().sealed()))
        .isEqualTo(SECRET);
    assertThat(fixture.stores.directory().user("u2")).isEmpty();
    assertThat(fixture.stores.directory().user("u3")).isEmpty();
    assertThat(pending("u2")).isEmpty();
    assertThat(pending("u5")).isEmpty();
    assertThat(fixture.stores.changes().read("test", 100, Duration.ZERO))
        .extracting(ChangeFeed.Entry::change)
        .contains(Change.password("u1"))
        .doesNotContain(Change.password("u5"));
  }

  @Test
  void syncPasswordsIsAProviderSettingOffByDefaultAndTheObjectStateSaysWhatBecameOfThePassword() {
    assertThat(
            api.put(
                    "/api/v1/providers/p",
                    "{\"baseUrl\":\"https://scim.local/v2\",\"tokenEnv\":\"SCIM_TARGET_T\"}")
                .json()
                .path("syncPasswords")
                .asBoolean())
        .isFalse();
    assertThat(
            api.put(
                    "/api/v1/providers/p",
                    "{\"baseUrl\":\"https://scim.local/v2\",\"tokenEnv\":\"SCIM_TARGET_T\","
                        + "\"syncPasswords\":true}")
                .json()
                .path("syncPasswords")
                .asBoolean())
        .isTrue();
    assertThat(fixture.stores.providers().get("p").orElseThrow().syncPasswords()).isTrue();
    fixture
        .stores
        .syncState()
        .put(
            ObjectSyncState.builder("p", ObjectType.USER, "u1")
                .remoteId("R-1")
                .payloadHash("h")
                .time(Instant.now())
                .outcome(SyncOutcome.UPDATED)
                .password("delivered")
                .build());

    assertThat(api.get("/api/v1/providers/p/objects/users/u1").json().path("password").asText())
        .isEqualTo("delivered");
  }

  @Test
  void anImportWithoutThePasswordRouteRefusesPasswordLines() throws Exception {
    Stores stores = Stores.inMemory();

    ImportResult result =
        NdjsonImport.run(
            stores.directory(),
            new StringReader(
                "{\"type\":\"user\",\"id\":\"u1\",\"username\":\"ada\",\"password\":\""
                    + SECRET
                    + "\"}\n"),
            4096);

    assertThat(result.users()).isZero();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error ->
                assertThat(error.error())
                    .contains("PUT /api/v1/users/{id}/password")
                    .doesNotContain(SECRET));
    assertThat(stores.passwords().pending("u1", "any")).isEmpty();
  }

  private Optional<PasswordStore.Pending> pending(String userId) {
    return fixture.stores.passwords().pending(userId, "any-provider");
  }

  private ApiClient.Answer importLines(String ndjson) {
    return api.send(
        "POST", "/api/v1/import", BodyPublishers.ofString(ndjson), "application/x-ndjson");
  }
}
