package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.model.DeleteMode;
import io.scimfleet.model.FeatureUse;
import io.scimfleet.model.Provider;
import io.scimfleet.model.UserUpdate;
import io.scimfleet.model.VendorProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vendor profiles through the API: the profile's switches, each overridden on its own, and what is
 * refused.
 */
class ProviderProfilesApiTest {
  private static final String TARGET =
      "\"baseUrl\":\"https://x.example/scim/v2\",\"tokenEnv\":\"SCIM_TARGET_T\"";

  private final ApiFixture fixture = ApiFixture.inMemory();
  private final ApiClient api = fixture.api;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aProviderWithoutAProfileIsGenericAndShowsTheGenericSwitches() {
    JsonNode view = api.put("/api/v1/providers/p", "{" + TARGET + "}").json();

    assertThat(view.path("profile").asText()).isEqualTo("generic");
    JsonNode switches = view.path("switches");
    assertThat(switches.path("userUpdate").asText()).isEqualTo("auto");
    assertThat(switches.path("memberPatchChunk").asInt()).isEqualTo(100);
    assertThat(switches.path("filters").toString()).isEqualTo("[\"*\"]");
    assertThat(switches.path("groupsReturnMembers").asBoolean()).isTrue();
    assertThat(switches.path("bulk").asText()).isEqualTo("auto");
    assertThat(switches.path("etag").asText()).isEqualTo("auto");
    assertThat(switches.path("changePassword").asText()).isEqualTo("auto");
  }

  @Test
  void aProfileGivesItsSwitchesIncludingTheDeleteModeAndTheRateLimit() {
    JsonNode view =
        api.put("/api/v1/providers/gh", "{" + TARGET + ",\"profile\":\"github-emu\"}").json();

    assertThat(view.path("profile").asText()).isEqualTo("github-emu");
    assertThat(view.path("deleteMode").asText()).isEqualTo("deactivate");
    assertThat(view.path("requestsPerMinute").asInt()).isEqualTo(16);
    JsonNode switches = view.path("switches");
    assertThat(switches.path("userUpdate").asText()).isEqualTo("patch");
    assertThat(switches.path("requiredAttributes").path("users").toString())
        .contains("\"externalId\"");
    assertThat(switches.path("requiredAttributes").path("groups").toString())
        .contains("\"externalId\"");
    assertThat(switches.path("deleteMode").asText()).isEqualTo("deactivate");
    assertThat(switches.path("bulk").asText()).isEqualTo("off");
    assertThat(switches.path("changePassword").asText()).isEqualTo("off");
  }

  @Test
  void eachSwitchSetOnTheProviderOverridesItsProfile() {
    JsonNode view =
        api.put(
                "/api/v1/providers/aws",
                "{"
                    + TARGET
                    + """
        ,"profile":"aws-identity-center","deleteMode":"deactivate","requestsPerMinute":120,"userUpdate":"put",
         "memberPatchChunk":25,"filters":["userName"],"groupsReturnMembers":true,"etag":"auto","changePassword":"auto",
         "requiredAttributes":{"users":["userName"]}}""")
            .json();

    JsonNode switches = view.path("switches");
    assertThat(switches.path("userUpdate").asText()).isEqualTo("put");
    assertThat(switches.path("memberPatchChunk").asInt()).isEqualTo(25);
    assertThat(switches.path("filters").toString()).isEqualTo("[\"userName\"]");
    assertThat(switches.path("groupsReturnMembers").asBoolean()).isTrue();
    assertThat(switches.path("requiredAttributes").path("users").toString())
        .isEqualTo("[\"userName\"]");
    assertThat(switches.path("requiredAttributes").path("groups")).isEmpty();
    assertThat(switches.path("deleteMode").asText()).isEqualTo("deactivate");
    assertThat(switches.path("requestsPerMinute").asInt()).isEqualTo(120);
    assertThat(switches.path("etag").asText()).isEqualTo("auto");
    assertThat(switches.path("bulk").asText()).isEqualTo("off");
    Provider stored = fixture.stores.providers().get("aws").orElseThrow();
    assertThat(stored.profile()).isEqualTo(VendorProfile.AWS_IDENTITY_CENTER);
    assertThat(stored.switches().userUpdate()).isEqualTo(UserUpdate.PUT);
    assertThat(stored.switches().etag()).isEqualTo(FeatureUse.AUTO);
    assertThat(stored.deleteMode()).isEqualTo(DeleteMode.DEACTIVATE);
  }

  @Test
  void switchesNotSetFollowTheProfileWhenItChanges() {
    api.put(
        "/api/v1/providers/p", "{" + TARGET + ",\"profile\":\"slack\",\"memberPatchChunk\":10}");
    JsonNode view =
        api.put("/api/v1/providers/p", "{" + TARGET + ",\"profile\":\"google-cloud-identity\"}")
            .json();

    assertThat(view.path("switches").path("memberPatchChunk").asInt()).isEqualTo(1);
    assertThat(view.path("switches").path("filters").toString()).isEqualTo("[\"userName\"]");
    assertThat(view.path("requestsPerMinute").asInt()).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"profile\":\"okta\"                                  | profile must be one of generic, aws-identity-center, slack",
        "\"userUpdate\":\"post\"                               | userUpdate must be 'auto', 'patch' or 'put'",
        "\"memberPatchChunk\":0                                | memberPatchChunk must be from 1 to 1000",
        "\"pageSize\":0                                        | pageSize must be from 1 to 1000 objects per full-sync page, not 0",
        "\"pageSize\":1001                                     | pageSize must be from 1 to 1000 objects per full-sync page, not 1001",
        "\"etag\":\"on\"                                       | etag must be 'auto' or 'off'",
        "\"changePassword\":\"yes\"                            | changePassword must be 'auto' or 'off'",
        "\"filters\":[\"\"]                                    | filters must be attribute names",
        "\"requiredAttributes\":{\"people\":[\"userName\"]}    | requiredAttributes takes \"users\" and \"groups\"",
        "\"requiredAttributes\":{\"users\":[\"name.\"]}        | requiredAttributes.users must be attribute names",
        "\"profile\":\"aws-identity-center\",\"adoptExisting\":true,\"matchOn\":{\"users\":\"emails.primary\"} "
            + "| adoptExisting searches Users by matchOn.users = emails.primary, but the target (profile aws-identity-center) "
            + "filters only on id, userName, externalId, displayName, members",
        "\"profile\":\"google-cloud-identity\",\"adoptExisting\":true | adoptExisting searches Groups by matchOn.groups = displayName",
      })
  void badSwitchesAre400WithWhatIsWrongAndStoreNothing(String fields, String error) {
    ApiClient.Answer answer =
        api.put("/api/v1/providers/p", "{" + TARGET + "," + fields.strip() + "}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).contains(error.strip());
    assertThat(fixture.stores.providers().list()).isEmpty();
  }

  @Test
  void adoptingOnAnAttributeTheProfileCanFilterIsAccepted() {
    ApiClient.Answer answer =
        api.put(
            "/api/v1/providers/p",
            "{"
                + TARGET
                + ",\"profile\":\"atlassian\",\"adoptExisting\":true,\"matchOn\":{\"users\":\"externalId\"}}");

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void previewNamesTheAttributesTheProfileRequiresAndTheMappingsDidNotProduce() {
    api.put("/api/v1/providers/aws", "{" + TARGET + ",\"profile\":\"aws-identity-center\"}");
    api.put("/api/v1/users/u1", "{\"username\":\"plato\",\"name\":\"Plato\"}");
    api.put("/api/v1/users/u2", "{\"username\":\"ada\",\"name\":\"Ada Lovelace\"}");

    JsonNode plato =
        api.post("/api/v1/providers/aws/preview", "{\"type\":\"user\",\"id\":\"u1\"}").json();
    JsonNode ada =
        api.post("/api/v1/providers/aws/preview", "{\"type\":\"user\",\"id\":\"u2\"}").json();

    assertThat(plato.path("valid").asBoolean()).isFalse();
    assertThat(plato.path("violations").findValuesAsText("path"))
        .containsExactly("$.name.givenName", "$.name.familyName");
    assertThat(ada.path("valid").asBoolean()).isTrue();
  }
}
