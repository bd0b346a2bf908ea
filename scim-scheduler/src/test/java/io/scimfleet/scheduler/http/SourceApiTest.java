package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scheduler.source.Source;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/sources}: validation, the view, status, sync, held deletions and ownership. */
class SourceApiTest {
  private static final String CORP =
      "{\"url\":\"ldap://ldap.corp:389\",\"bindDn\":\"cn=scim,dc=corp\","
          + "\"bindPasswordEnv\":\"SCIM_SOURCE_CORP\",\"baseDn\":\"dc=corp\"}";
  private final ApiFixture fixture = ApiFixture.inMemory();
  private final ApiClient api = fixture.api;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aSourceIsSavedWithItsDefaultsAndShownWithoutItsPassword() {
    ApiClient.Answer put =
        api.put(
            "/api/v1/sources/corp",
            "{\"url\":[\"ldap://a:389\",\"ldap://b:389\"],\"bindDn\":\"cn=scim,dc=corp\","
                + "\"bindPassword\":\"hunter2-secret\",\"baseDn\":\"dc=corp\"}");

    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body()).doesNotContain("hunter2-secret");
    ApiClient.Answer got = api.get("/api/v1/sources/corp");
    assertThat(got.body()).doesNotContain("hunter2-secret").doesNotContain("sealed:");
    assertThat(got.json().get("bindPassword").asText()).isEqualTo("inline");
    assertThat(got.json().get("url")).hasSize(2);
    assertThat(got.json().get("pollSeconds").asInt()).isEqualTo(60);
    assertThat(got.json().get("maxDeletePercent").asInt()).isEqualTo(20);
    assertThat(got.json().get("changeDetection").asText()).isEqualTo("auto");
    Source stored = fixture.sources.get("corp").orElseThrow();
    assertThat(stored.bindPassword()).startsWith("sealed:").doesNotContain("hunter2");
    assertThat(api.get("/api/v1/sources").json()).hasSize(1);
  }

  @Test
  void badSettingsAre400sThatSayWhatToFix() {
    assertThat(error("{\"baseDn\":\"dc=corp\"}")).contains("url is required");
    assertThat(error(CORP.replace("ldap://ldap.corp:389", "http://x"))).contains("not an LDAP URL");
    assertThat(
            error(
                CORP.replace(
                    "\"bindPasswordEnv\":\"SCIM_SOURCE_CORP\"",
                    "\"bindPasswordEnv\":\"SCIM_ADMIN_TOKEN\"")))
        .contains("must start with SCIM_SOURCE_");
    assertThat(error(CORP.replace("}", ",\"bindPassword\":\"x\"}")))
        .contains("exactly one of bindPassword");
    assertThat(error(CORP.replace("}", ",\"bindPasswordFile\":\"/etc/passwd\"}")))
        .contains("exactly one");
    assertThat(
            error(
                CORP.replace(
                    "\"bindPasswordEnv\":\"SCIM_SOURCE_CORP\"",
                    "\"bindPasswordFile\":\"/etc/shadow\"")))
        .contains("SCIM_SECRETS_DIR");
    assertThat(error(CORP.replace("}", ",\"changeDetection\":\"dirsync\"}")))
        .contains("not supported yet");
    assertThat(error(CORP.replace("}", ",\"changeDetection\":\"magic\"}")))
        .contains("changeDetection must be");
    assertThat(error(CORP.replace("}", ",\"userFilter\":\"(uid=\"}")))
        .contains("not an LDAP filter");
    assertThat(error(CORP.replace("}", ",\"maxDeletePercent\":101}")))
        .contains("maxDeletePercent must be from 0 to 100");
    assertThat(error(CORP.replace("}", ",\"memberAttribute\":\"members\"}")))
        .contains("memberAttribute must be");
    assertThat(error(CORP.replace("}", ",\"colour\":\"blue\"}")))
        .contains("unknown field 'colour'");
    assertThat(fixture.sources.list()).isEmpty();
  }

  private String error(String body) {
    ApiClient.Answer answer = api.put("/api/v1/sources/corp", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    return answer.error();
  }

  @Test
  void statusSyncAndDeleteOfASource() {
    api.put("/api/v1/sources/corp", CORP);

    ApiClient.Answer status = api.get("/api/v1/sources/corp/status");
    assertThat(status.json().get("state").asText()).isEqualTo("pending");
    assertThat(status.json().get("deletionsHeld").get("count").asLong()).isZero();
    ApiClient.Answer withStatus = api.get("/api/v1/sources?status=true");
    assertThat(withStatus.json().get(0).path("source").path("name").asText()).isEqualTo("corp");
    assertThat(withStatus.json().get(0).path("status").path("state").asText()).isEqualTo("pending");
    assertThat(api.post("/api/v1/sources/corp/sync", "").status()).isEqualTo(202);
    assertThat(fixture.sources.store().takeReadRequest("corp")).isTrue();
    assertThat(api.get("/api/v1/sources/nope/status").status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/sources/corp").status()).isEqualTo(204);
    assertThat(api.get("/api/v1/sources/corp").status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/sources/corp").status()).isEqualTo(404);
  }

  @Test
  void removingASourceHoldsTheDeletionOfItsObjectsUntilReleased() {
    api.put("/api/v1/sources/corp", CORP);
    fixture.stores.directory().putUser(DirectoryUser.of("u1", "ada"));
    fixture.sources.store().own("corp", ObjectType.USER, Map.of("u1", "uid=ada,dc=corp"));

    api.delete("/api/v1/sources/corp");

    ApiClient.Answer status = api.get("/api/v1/sources/corp/status");
    assertThat(status.json().get("state").asText()).isEqualTo("removed");
    assertThat(status.json().get("deletionsHeld").get("users").asLong()).isEqualTo(1);
    assertThat(fixture.stores.directory().user("u1")).isPresent();
    ApiClient.Answer released = api.post("/api/v1/sources/corp/deletions/release", "");
    assertThat(released.json().get("released").asLong()).isEqualTo(1);
    assertThat(fixture.stores.directory().user("u1")).isEmpty();
    assertThat(api.post("/api/v1/sources/corp/deletions/release", "").status()).isEqualTo(404);
  }

  @Test
  void restWritesToAnObjectFromASourceAre409NamingTheSource() {
    fixture.stores.directory().putUser(DirectoryUser.of("u1", "ada"));
    fixture.sources.store().own("corp", ObjectType.USER, Map.of("u1", "uid=ada,dc=corp"));

    ApiClient.Answer put = api.put("/api/v1/users/u1", "{\"username\":\"eve\"}");
    ApiClient.Answer delete = api.delete("/api/v1/users/u1");

    assertThat(put.status()).isEqualTo(409);
    assertThat(put.error()).contains("source 'corp'");
    assertThat(delete.status()).isEqualTo(409);
    assertThat(fixture.stores.directory().user("u1").orElseThrow().username()).isEqualTo("ada");
    assertThat(api.put("/api/v1/users/u2", "{\"username\":\"bob\"}").status()).isEqualTo(200);
    ApiClient.Answer imported =
        api.send(
            "POST",
            "/api/v1/import",
            java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"type\":\"user\",\"id\":\"u1\",\"username\":\"eve\"}\n"),
            "application/x-ndjson");
    assertThat(imported.body()).contains("source 'corp'");
    assertThat(fixture.stores.directory().user("u1").orElseThrow().username()).isEqualTo("ada");
  }
}
