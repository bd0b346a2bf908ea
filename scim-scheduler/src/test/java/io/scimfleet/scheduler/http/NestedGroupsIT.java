package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.scheduler.SchedulerProcess;
import io.scimfleet.testing.ScimSdkServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The all-in-one process (API, scheduler, worker, in memory) with a three-level tree of nested
 * groups, root → mid → leaf, and providers scoped by its root, writing to real SCIM servers
 * (SCIM-SDK). Everything goes through the HTTP API.
 */
class NestedGroupsIT {
  private static final Duration PATIENCE = Duration.ofSeconds(40);

  private ScimSdkServer target;
  private SchedulerProcess process;
  private ApiClient api;

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
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
    for (String user : new String[] {"r1", "m1", "l1", "out", "late"}) {
      api.put("/api/v1/users/" + user, "{\"username\":\"" + user + "\"}");
    }
    api.put("/api/v1/groups/leaf", "{\"name\":\"Leaf\",\"members\":[\"l1\"]}");
    api.put(
        "/api/v1/groups/mid",
        "{\"name\":\"Mid\",\"members\":[\"m1\"],\"memberGroups\":[\"leaf\"]}");
    api.put(
        "/api/v1/groups/root",
        "{\"name\":\"Root\",\"members\":[\"r1\"],\"memberGroups\":[\"mid\"]}");
    api.put("/api/v1/groups/elsewhere", "{\"name\":\"Elsewhere\",\"members\":[\"out\"]}");
  }

  @AfterEach
  void stop() {
    process.close();
    target.close();
  }

  @Test
  void scopedByTheRootMembersAddedAndRemovedAtEachLevelReachTheTargetAndAFullSyncAgrees() {
    putProvider("nested", target, "flatten");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                snapshot(target)
                    .equals(
                        Map.of(
                            "users",
                            Set.of("r1", "m1", "l1"),
                            "Root",
                            Set.of("r1", "m1", "l1"),
                            "Mid",
                            Set.of("m1", "l1"),
                            "Leaf",
                            Set.of("l1"))));

    target.resetCounts();
    api.put("/api/v1/groups/leaf/members/out", "");
    api.put("/api/v1/groups/mid/members/late", "");
    api.delete("/api/v1/groups/root/members/r1");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                snapshot(target)
                    .equals(
                        Map.of(
                            "users",
                            Set.of("m1", "l1", "out", "late"),
                            "Root",
                            Set.of("m1", "l1", "out", "late"),
                            "Mid",
                            Set.of("m1", "l1", "out", "late"),
                            "Leaf",
                            Set.of("l1", "out"))));
    assertThat(target.requestCount("PUT"))
        .as("ancestors get membership diffs, never a whole member list")
        .isZero();
    assertThat(target.requestCount("PATCH")).isPositive();

    api.delete("/api/v1/groups/leaf/members/l1");
    api.delete("/api/v1/groups/mid/members/m1");
    api.put("/api/v1/groups/root/members/r1", "");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                snapshot(target)
                    .equals(
                        Map.of(
                            "users",
                            Set.of("r1", "out", "late"),
                            "Root",
                            Set.of("r1", "out", "late"),
                            "Mid",
                            Set.of("out", "late"),
                            "Leaf",
                            Set.of("out"))));

    assertThat(api.delete("/api/v1/groups/mid/memberGroups/leaf").status()).isEqualTo(204);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                snapshot(target)
                    .equals(
                        Map.of(
                            "users",
                            Set.of("r1", "late"),
                            "Root",
                            Set.of("r1", "late"),
                            "Mid",
                            Set.of("late"))));

    try (ScimSdkServer fresh = ScimSdkServer.start()) {
      putProvider("fresh", fresh, "flatten");
      await().atMost(PATIENCE).until(() -> snapshot(fresh).equals(snapshot(target)));
    }
  }

  @Test
  void aCycleIsRefusedOverTheApiNamingThePath() {
    ApiClient.Answer answer = api.put("/api/v1/groups/leaf/memberGroups/root", "");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.error()).contains("leaf → root → mid → leaf");
    assertThat(api.get("/api/v1/groups/leaf").json().path("memberGroups")).isEmpty();
  }

  @Test
  void nativeNestingSendsChildGroupsAsMembersOfTypeGroup() {
    putProvider("nested", target, "native");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                snapshot(target)
                    .equals(
                        Map.of(
                            "users",
                            Set.of("r1", "m1", "l1"),
                            "Root",
                            Set.of("r1", "group:Mid"),
                            "Mid",
                            Set.of("m1", "group:Leaf"),
                            "Leaf",
                            Set.of("l1"))));
    JsonNode preview =
        api.post("/api/v1/providers/nested/preview", "{\"type\":\"user\",\"id\":\"l1\"}").json();
    assertThat(preview.path("inScope").asBoolean()).isTrue();
    assertThat(preview.path("scope").asText())
        .contains("group 'leaf', nested in scope group 'root'");

    api.put("/api/v1/groups/leaf/members/out", "");
    await().atMost(PATIENCE).until(() -> snapshot(target).get("Leaf").equals(Set.of("l1", "out")));
    assertThat(snapshot(target).get("Root")).isEqualTo(Set.of("r1", "group:Mid"));

    putProviderScopedTo(
        "nested", target, "native", "mid"); // not a directory change: the full sync applies it
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                snapshot(target)
                    .equals(
                        Map.of(
                            "users",
                            Set.of("m1", "l1", "out"),
                            "Mid",
                            Set.of("m1", "group:Leaf"),
                            "Leaf",
                            Set.of("l1", "out"))));
  }

  private void putProvider(String name, ScimSdkServer server, String nestedGroups) {
    putProviderScopedTo(name, server, nestedGroups, "root");
  }

  private void putProviderScopedTo(
      String name, ScimSdkServer server, String nestedGroups, String scopeGroup) {
    ApiClient.Answer put =
        api.put(
            "/api/v1/providers/" + name,
            """
        {"baseUrl":"%s","token":"%s","deletionThreshold":100,"scopeGroups":["%s"],"nestedGroups":"%s"}"""
                .formatted(server.baseUrl(), server.token(), scopeGroup, nestedGroups));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    api.post("/api/v1/providers/" + name + "/sync", "");
  }

  /**
   * The target as names: "users" → user names; each group's display name → its members' names
   * ("group:" for groups).
   */
  private static Map<String, Set<String>> snapshot(ScimSdkServer server) {
    Map<String, String> names = new TreeMap<>();
    server.users().forEach(u -> names.put(u.path("id").asText(), u.path("userName").asText()));
    server
        .groups()
        .forEach(g -> names.put(g.path("id").asText(), "group:" + g.path("displayName").asText()));
    Map<String, Set<String>> snapshot = new TreeMap<>();
    snapshot.put(
        "users",
        server.users().stream().map(u -> u.path("userName").asText()).collect(Collectors.toSet()));
    for (JsonNode group : server.groups()) {
      Set<String> members = new TreeSet<>();
      group
          .path("members")
          .forEach(m -> members.add(names.getOrDefault(m.path("value").asText(), "?")));
      snapshot.put(group.path("displayName").asText(), members);
    }
    return snapshot;
  }
}
