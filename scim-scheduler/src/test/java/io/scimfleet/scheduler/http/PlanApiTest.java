package io.scimfleet.scheduler.http;

import static io.scimfleet.testing.SyncStateBuilder.aSyncState;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanApiTest {
  private static final String CURRENT =
      """
      {"baseUrl":"https://api.slack.com/scim/v2","token":"plan-test-token"}
      """;
  private static final String PROPOSED =
      """
      {"baseUrl":"https://api.slack.com/scim/v2","token":"plan-test-token","deleteMode":"deactivate",
       "userFilter":"active = true",
       "userMappings":[{"name":"40-displayName","expression":"{\\"displayName\\": username}"}]}
      """;

  private final ApiFixture fixture = ApiFixture.inMemory();
  private final ApiClient api = fixture.api;

  @BeforeEach
  void aProviderWithTwoUsersOnItsTarget() {
    assertThat(api.put("/api/v1/providers/crm", CURRENT).status()).isEqualTo(200);
    fixture.stores.directory().putUser(aUser("ada").named("Ada Lovelace").build());
    fixture.stores.directory().putUser(aUser("bob").named("Bob Bobson").inactive().build());
    fixture.stores.directory().putUser(aUser("cy").named("Cy Young").build());
    fixture
        .stores
        .syncState()
        .put(aSyncState("crm", ObjectType.USER, "ada").createdAs("r-ada").build());
    fixture
        .stores
        .syncState()
        .put(aSyncState("crm", ObjectType.USER, "bob").createdAs("r-bob").build());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aPlanCountsAndShowsWhatTheNewSettingsWouldDoAndWritesNothing() {
    long version = fixture.stores.directory().version();
    Provider before = fixture.stores.providers().get("crm").orElseThrow();

    ApiClient.Answer answer = api.post("/api/v1/providers/crm/plan", PROPOSED);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode plan = answer.json();
    JsonNode users = plan.path("users");
    assertThat(users.path("creates").asInt()).isEqualTo(1);
    assertThat(users.path("updates").asInt()).isEqualTo(1);
    assertThat(users.path("deactivations").asInt()).isEqualTo(1);
    assertThat(users.path("deletions").asInt()).isZero();
    assertThat(users.path("unchanged").asInt()).isZero();
    assertThat(plan.path("attributes").path("displayName").asInt()).isEqualTo(1);
    JsonNode ada = sample(plan, "ada");
    assertThat(ada.path("action").asText()).isEqualTo("update");
    assertThat(ada.at("/before/displayName").asText()).isEqualTo("Ada Lovelace");
    assertThat(ada.at("/after/displayName").asText()).isEqualTo("ada.lovelace");
    assertThat(sample(plan, "bob").path("action").asText()).isEqualTo("deactivate");
    assertThat(sample(plan, "cy").path("action").asText()).isEqualTo("create");
    assertThat(plan.path("planId").asText()).startsWith(version + "-");
    assertThat(answer.body()).doesNotContain("plan-test-token");
    assertThat(fixture.stores.directory().version()).isEqualTo(version);
    assertThat(fixture.stores.providers().get("crm")).contains(before);
  }

  @Test
  void thePlannedSettingsAreAppliedWithTheirPlanId() {
    String planId = api.post("/api/v1/providers/crm/plan", PROPOSED).json().path("planId").asText();

    ApiClient.Answer applied = api.put("/api/v1/providers/crm?ifPlan=" + planId, PROPOSED);

    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    assertThat(fixture.stores.providers().get("crm").orElseThrow().userFilter())
        .isEqualTo("active = true");
    JsonNode again = api.post("/api/v1/providers/crm/plan", PROPOSED).json();
    assertThat(again.at("/users/updates").asInt()).isZero();
    assertThat(again.at("/users/unchanged").asInt()).isEqualTo(1);
  }

  @Test
  void aPlanIsRefusedOnceTheDirectoryChanged() {
    String planId = api.post("/api/v1/providers/crm/plan", PROPOSED).json().path("planId").asText();
    fixture.stores.directory().putUser(aUser("dee").build());

    ApiClient.Answer refused = api.put("/api/v1/providers/crm?ifPlan=" + planId, PROPOSED);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("the directory changed since the plan").contains("/plan");
    assertThat(fixture.stores.providers().get("crm").orElseThrow().userFilter()).isNull();
  }

  @Test
  void aPlanIsRefusedForOtherSettingsOrWhenTheProviderChanged() {
    String planId = api.post("/api/v1/providers/crm/plan", PROPOSED).json().path("planId").asText();
    String other = PROPOSED.replace("active = true", "active = false");

    ApiClient.Answer otherBody = api.put("/api/v1/providers/crm?ifPlan=" + planId, other);
    api.put("/api/v1/providers/crm", CURRENT.replace("}", ",\"maxConcurrency\":2}"));
    ApiClient.Answer changed = api.put("/api/v1/providers/crm?ifPlan=" + planId, PROPOSED);

    assertThat(otherBody.status()).isEqualTo(409);
    assertThat(otherBody.body()).contains("not the one planned");
    assertThat(changed.status()).isEqualTo(409);
    assertThat(fixture.stores.providers().get("crm").orElseThrow().userFilter()).isNull();
  }

  @Test
  void aNewProviderPlansEveryObjectInScopeAsACreate() {
    ApiClient.Answer answer = api.post("/api/v1/providers/hr/plan", PROPOSED);

    assertThat(answer.json().path("newProvider").asBoolean()).isTrue();
    assertThat(answer.json().at("/users/creates").asInt()).isEqualTo(2);
    assertThat(answer.json().at("/users/outOfScope").asInt()).isEqualTo(1);
    assertThat(fixture.stores.providers().get("hr")).isEmpty();
  }

  @Test
  void badSettingsAndReadTargetAreRefusedWithAReason() {
    ApiClient.Answer bad =
        api.post("/api/v1/providers/crm/plan", PROPOSED.replace("deactivate", "shred"));
    ApiClient.Answer readTarget = api.post("/api/v1/providers/crm/plan?readTarget=true", PROPOSED);

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("deleteMode");
    assertThat(readTarget.status()).isEqualTo(400);
    assertThat(readTarget.body()).contains("readTarget");
  }

  private static JsonNode sample(JsonNode plan, String id) {
    List<JsonNode> found = new ArrayList<>();
    plan.path("samples")
        .forEach(
            s -> {
              if (s.path("id").asText().equals(id)) found.add(s);
            });
    assertThat(found).as("sample of %s in %s", id, plan).hasSize(1);
    return found.get(0);
  }
}
