package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.scheduler.SchedulerProcess;
import io.scimfleet.testing.scimple.ScimpleServer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fleet's provisioning against a second SCIM server none of us wrote, Apache SCIMple ({@link
 * io.scimfleet.testing.scimple.ScimpleTarget}, a process of its own): the all-in-one process
 * creates users and a group with members, updates a user, changes the members, deletes a user, and
 * a forced full sync then finds nothing to repair; once with Bulk (SCIMple announces it) and once
 * with one request per object. Everything goes through the fleet's HTTP API and is read back from
 * SCIMple's.
 */
class ScimpleProvisioningIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private ScimpleServer target;
  private SchedulerProcess process;
  private ApiClient api;

  @BeforeEach
  void start() {
    target = ScimpleServer.start();
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
                "8"));
    process = SchedulerProcess.start(settings, SchedulerProcess.Mode.ALL_IN_ONE);
    api = new ApiClient(process.apiPort(), ApiFixture.ADMIN_TOKEN);
  }

  @AfterEach
  void stop() {
    if (process != null) process.close();
    if (target != null) target.close();
  }

  @ParameterizedTest(name = "bulk {0}")
  @ValueSource(strings = {"auto", "off"})
  void usersAndAGroupAreCreatedUpdatedAndDeletedOnScimple(String bulk) {
    for (String user : new String[] {"ada", "alan", "grace"}) {
      assertThat(
              api.put(
                      "/api/v1/users/" + user,
                      """
                  {"username":"%1$s","name":"%1$s Tester","email":"%1$s@example.org"}"""
                          .formatted(user))
                  .status())
          .isEqualTo(200);
    }
    assertThat(
            api.put(
                    "/api/v1/groups/eng",
                    "{\"name\":\"Engineering\",\"members\":[\"ada\",\"alan\"]}")
                .status())
        .isEqualTo(200);
    ApiClient.Answer put =
        api.put(
            "/api/v1/providers/scimple",
            """
        {"baseUrl":"%s","token":"%s","bulk":"%s","deletionThreshold":100}"""
                .formatted(target.baseUrl(), target.token(), bulk));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    String firstRun = runId(api.post("/api/v1/providers/scimple/sync", ""));

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                snapshot()
                    .equals(
                        Map.of(
                            "users",
                            Set.of("ada", "alan", "grace"),
                            "Engineering",
                            Set.of("ada", "alan"))));
    awaitRunEnded(firstRun);
    JsonNode ada = user("ada").orElseThrow();
    assertThat(ada.path("emails").path(0).path("value").asText()).isEqualTo("ada@example.org");
    assertThat(ada.path("active").asBoolean()).isTrue();

    // an update: the new e-mail reaches SCIMple
    api.put(
        "/api/v1/users/ada",
        "{\"username\":\"ada\",\"name\":\"Ada Lovelace\",\"email\":\"ada.lovelace@example.org\"}");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                user("ada")
                    .map(u -> u.path("emails").path(0).path("value").asText())
                    .orElse("")
                    .equals("ada.lovelace@example.org"));
    assertThat(user("ada").orElseThrow().path("id").asText())
        .as("updated in place, not created again")
        .isEqualTo(ada.path("id").asText());

    // members: one joins, one leaves; then a member is deleted from the directory
    api.put("/api/v1/groups/eng/members/grace", "");
    api.delete("/api/v1/groups/eng/members/ada");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                snapshot()
                    .equals(
                        Map.of(
                            "users",
                            Set.of("ada", "alan", "grace"),
                            "Engineering",
                            Set.of("alan", "grace"))));
    assertThat(api.delete("/api/v1/users/alan").status()).isEqualTo(204);
    await().atMost(PATIENCE).until(() -> user("alan").isEmpty());
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                snapshot()
                    .equals(
                        Map.of("users", Set.of("ada", "grace"), "Engineering", Set.of("grace"))));

    // a forced full sync compares every object with SCIMple's copy: nothing to create or delete
    String forced = runId(api.post("/api/v1/providers/scimple/sync?force=true", ""));
    JsonNode last = awaitRunEnded(forced);
    assertThat(last.path("status").asText()).as(last.toString()).isEqualTo("SUCCEEDED");
    assertThat(last.path("counts").path("created").asInt()).as(last.toString()).isZero();
    assertThat(last.path("counts").path("deleted").asInt()).as(last.toString()).isZero();
    assertThat(last.path("counts").path("failed").asInt()).as(last.toString()).isZero();
    assertThat(snapshot())
        .isEqualTo(Map.of("users", Set.of("ada", "grace"), "Engineering", Set.of("grace")));
  }

  private static String runId(ApiClient.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isBetween(200, 202);
    return answer.json().path("runId").asText();
  }

  /** The provider's last run once it is the one named, checked to have no failures. */
  private JsonNode awaitRunEnded(String runId) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              last[0] = api.get("/api/v1/providers/scimple/status").json().path("last");
              return last[0].path("runId").asText().equals(runId);
            });
    assertThat(last[0].path("counts").path("failed").asInt()).as(last[0].toString()).isZero();
    return last[0];
  }

  private Optional<JsonNode> user(String userName) {
    return target.users().stream()
        .filter(u -> u.path("userName").asText().equals(userName))
        .findFirst();
  }

  /** "users" → user names; each group's display name → its members' user names. */
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
}
