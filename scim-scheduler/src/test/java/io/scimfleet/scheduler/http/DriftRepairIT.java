package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.scheduler.SchedulerProcess;
import io.scimfleet.scim.PatchRequest;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestRedis;
import io.scimfleet.testing.TestSecurity;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand edits on a real SCIM server (SCIM-SDK), made with a SCIM client of their own, repaired by a
 * plain {@code POST /api/v1/providers/{name}/sync}: the process runs API, scheduler and worker on
 * the real Redis (JobRunr on Redis) under this class's own key prefix. Everything goes through the
 * API.
 */
class DriftRepairIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  private RedisFixture redis;
  private ScimSdkServer target;
  private ScimClient byHand;
  private SchedulerProcess process;
  private ApiClient api;

  @BeforeEach
  void start() {
    redis = RedisFixture.open(DriftRepairIT.class);
    target = ScimSdkServer.start();
    byHand = ScimClient.builder(target.baseUrl()).bearerToken(target.token()).build();
    FleetSettings settings =
        FleetSettings.fromEnv(
            Map.of(
                "SCIM_ADMIN_TOKEN",
                ApiFixture.ADMIN_TOKEN,
                "SCIM_HTTP_PORT",
                "0",
                "SCIM_DASHBOARD_PORT",
                "0",
                "SCIM_WORKER_THREADS",
                "8",
                "REDIS_URL",
                TestRedis.url(),
                "SCIM_REDIS_PREFIX",
                redis.prefix(),
                "SCIM_SECRET_KEY",
                Base64.getEncoder().encodeToString(TestSecurity.key((byte) 9))));
    process = SchedulerProcess.start(settings, SchedulerProcess.Mode.ALL_IN_ONE);
    api = new ApiClient(process.apiPort(), ApiFixture.ADMIN_TOKEN);
    for (String user : List.of("ada", "alan", "grace")) {
      api.put(
          "/api/v1/users/" + user,
          "{\"username\":\"" + user + "\",\"name\":\"" + user + " Example\"}");
    }
    api.put("/api/v1/groups/staff", "{\"name\":\"Staff\",\"members\":[\"ada\",\"alan\"]}");
  }

  @AfterEach
  void stop() {
    process.close();
    byHand.close();
    target.close();
    redis.close();
  }

  @Test
  void aPlainFullSyncRepairsDeletedUsersChangedAttributesAndHandEditedMembers() {
    putProvider("{}");
    fullSync();
    Map<String, Set<String>> synced = snapshot();
    assertThat(synced)
        .isEqualTo(Map.of("users", Set.of("ada", "alan", "grace"), "Staff", Set.of("ada", "alan")));

    byHand.delete("Users", remoteId("alan"), null);
    byHand.patch(
        "Users",
        remoteId("ada"),
        PatchRequest.builder().replace("displayName", "Mallory").build(),
        null);
    byHand.patch(
        "Groups",
        target.groups().get(0).path("id").asText(),
        PatchRequest.memberChanges(List.of(remoteId("grace")), List.of(remoteId("ada")), 10).get(0),
        null);
    assertThat(snapshot().get("Staff")).doesNotContain("ada").contains("grace");

    JsonNode run = fullSync();

    JsonNode drift = api.get("/api/v1/providers/crm/status").json().path("drift");
    assertThat(drift.path("lastIncrementalCheck").asText())
        .as("the second sync checks only what changed, and finds every hand edit")
        .isNotEmpty();
    assertThat(snapshot()).isEqualTo(synced);
    assertThat(user("ada").path("displayName").asText()).isEqualTo("ada Example");
    assertThat(api.get("/api/v1/providers/crm/objects/users/alan").json().path("remoteId").asText())
        .isEqualTo(remoteId("alan"));
    assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.path("counts").path("repaired").asLong()).isEqualTo(3); // alan, ada, the group
    assertThat(run.path("counts").path("unmanaged").asLong()).isZero();

    target.resetCounts();
    JsonNode again = fullSync();
    assertThat(target.writeRequestCount()).as("nothing drifted: nothing written").isZero();
    assertThat(again.path("counts").path("repaired").asLong()).isZero();
    assertThat(again.path("counts").path("unchanged").asLong()).isEqualTo(4);
  }

  @Test
  void
      unmanagedObjectsAreCountedLeftAloneAndRemovedThroughTheGuardOnlyWhenAskedAndOffKeepsHandEdits() {
    putProvider("{}");
    fullSync();
    byHand.create(
        "Users",
        resource(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"stranger\"}"));

    JsonNode counted = fullSync();
    assertThat(counted.path("counts").path("unmanaged").asLong()).isEqualTo(1);
    assertThat(snapshot().get("users")).contains("stranger");

    putProvider("{\"deleteUnmanaged\":true}"); // 25% of 4 objects: one removal passes the guard
    JsonNode between = fullSync();
    assertThat(between.path("counts").path("unmanaged").asLong())
        .as("between full reads unmanaged objects are counted, never removed")
        .isEqualTo(1);
    assertThat(snapshot().get("users")).contains("stranger");
    JsonNode removed = fullSync("?drift=full");
    assertThat(removed.path("counts").path("unmanaged").asLong()).isEqualTo(1);
    assertThat(removed.path("counts").path("deleted").asLong()).isEqualTo(1);
    assertThat(snapshot().get("users")).containsExactlyInAnyOrder("ada", "alan", "grace");

    putProvider("{\"driftCheck\":\"off\"}");
    byHand.delete("Users", remoteId("grace"), null);
    target.resetCounts();
    JsonNode trusting = fullSync();
    assertThat(snapshot().get("users")).containsExactlyInAnyOrder("ada", "alan");
    assertThat(target.requestCount("GET") + target.writeRequestCount())
        .as("the states are trusted")
        .isZero();
    assertThat(trusting.path("counts").path("repaired").asLong()).isZero();
  }

  private void putProvider(String extra) {
    ObjectNode body = (ObjectNode) json(extra);
    body.put("baseUrl", target.baseUrl().toString()).put("token", target.token());
    ApiClient.Answer put = api.put("/api/v1/providers/crm", body.toString());
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  /**
   * Starts a plain full sync once the one under way (if any) is over, and returns the finished run.
   */
  private JsonNode fullSync() {
    return fullSync("");
  }

  private JsonNode fullSync(String query) {
    await()
        .atMost(PATIENCE)
        .until(() -> !api.get("/api/v1/providers/crm/status").json().path("running").asBoolean());
    String runId = api.post("/api/v1/providers/crm/sync" + query, "").json().path("runId").asText();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                api.get("/api/v1/providers/crm/status")
                    .json()
                    .path("last")
                    .path("runId")
                    .asText()
                    .equals(runId));
    return api.get("/api/v1/providers/crm/status").json().path("last");
  }

  private String remoteId(String userName) {
    return user(userName).path("id").asText();
  }

  private JsonNode user(String userName) {
    return target.users().stream()
        .filter(u -> u.path("userName").asText().equals(userName))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The target as names: "users" → user names; each group's display name → its members' user names.
   */
  private Map<String, Set<String>> snapshot() {
    Map<String, String> names = new TreeMap<>();
    target.users().forEach(u -> names.put(u.path("id").asText(), u.path("userName").asText()));
    Map<String, Set<String>> snapshot = new TreeMap<>();
    snapshot.put(
        "users",
        target.users().stream().map(u -> u.path("userName").asText()).collect(Collectors.toSet()));
    for (JsonNode group : target.groups()) {
      Set<String> members = new TreeSet<>();
      group
          .path("members")
          .forEach(m -> members.add(names.getOrDefault(m.path("value").asText(), "?")));
      snapshot.put(group.path("displayName").asText(), members);
    }
    return snapshot;
  }

  private static ObjectNode resource(String text) {
    return (ObjectNode) json(text);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
