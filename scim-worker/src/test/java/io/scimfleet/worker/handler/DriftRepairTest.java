package io.scimfleet.worker.handler;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static io.scimfleet.worker.handler.CleanableRuns.cleanable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.FullSyncPhaseHandler;
import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.scim.PatchRequest;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.ProviderBuilder;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drift check of a full sync's last phase against SCIM-SDK: hand edits made on the target with
 * a SCIM client of its own are found by one listing per type and written back.
 */
class DriftRepairTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ScimSdkServer target;
  private static ScimClient byHand;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private Worker worker;
  private int runs;

  @BeforeAll
  static void startTarget() {
    target = ScimSdkServer.start();
    byHand = ScimClient.builder(target.baseUrl()).bearerToken(target.token()).build();
  }

  @AfterAll
  static void stopTarget() {
    byHand.close();
    target.close();
  }

  @BeforeEach
  void start() throws Exception {
    target.reset();
    worker =
        new Worker(
            stores,
            new NoJobQueue(),
            new FleetMetrics(new SimpleMeterRegistry()),
            clock,
            2,
            TestSecurity.settings());
    provider(UnaryOperator.identity());
    for (String id : List.of("u1", "u2", "u3"))
      stores.directory().putUser(aUser(id).named("User " + id).withUsername(id).build());
    stores.directory().putGroup(aGroup("g1").named("staff").build(), List.of("u1", "u2"));
    for (String id : List.of("u1", "u2", "u3")) sync(ObjectType.USER, id);
    sync(ObjectType.GROUP, "g1");
    target.resetCounts();
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void aTargetAsSentCostsOneListingPerTypeAndNoWrite() throws Exception {
    FullSyncRun run = fullSyncLastPhase();

    assertThat(target.writeRequestCount()).isZero();
    assertThat(target.requestCount("GET"))
        .as("one page of users, one of groups; once, three on /Users to learn how to check changes")
        .isEqualTo(2 + 3);
    assertThat(run.counts().repaired()).isZero();
    assertThat(run.counts().unmanaged()).isZero();
  }

  @Test
  void aThousandUsersAreCheckedWithElevenListingRequestsAndNoWrite() throws Exception {
    for (int i = 4; i <= 1000; i++) {
      stores.directory().putUser(aUser("u" + i).build());
      sync(ObjectType.USER, "u" + i);
    }
    target.resetCounts();

    FullSyncRun run = fullSyncLastPhase();

    assertThat(target.users()).hasSize(1000);
    assertThat(target.requestCount("GET"))
        .as("10 pages of 100 users, the empty page after them, one page of groups, and once three")
        .isEqualTo(12 + 3);
    assertThat(target.writeRequestCount()).isZero();
    assertThat(run.counts().repaired()).isZero();
  }

  @Test
  void aUserDeletedOnTheTargetIsRecreatedRelinkedAndPutBackInItsGroups() throws Exception {
    String before = remoteId(ObjectType.USER, "u2");
    byHand.delete("Users", before, null);

    FullSyncRun run = fullSyncLastPhase();

    String after = remoteId(ObjectType.USER, "u2");
    assertThat(after).isNotEqualTo(before);
    assertThat(userNames()).containsExactlyInAnyOrder("u2", "u1", "u3");
    assertThat(memberIds("staff"))
        .containsExactlyInAnyOrder(remoteId(ObjectType.USER, "u1"), after);
    assertThat(run.counts().repaired()).isEqualTo(2); // the user, and its group
    assertThat(run.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
  }

  @Test
  void anObjectThisRunCreatedIsListedButNotComparedAndOneFromBeforeIs() throws Exception {
    String runId = startRun();
    stores.directory().putUser(aUser("u9").named("User u9").withUsername("u9").build());
    sync(ObjectType.USER, "u9"); // created by this run's pages
    for (String id : List.of("u1", "u9")) {
      byHand.patch(
          "Users",
          remoteId(ObjectType.USER, id),
          PatchRequest.builder().replace("displayName", "Mallory").build(),
          null);
    }

    FullSyncRun run = lastPhase(runId);

    assertThat(user("u1").path("displayName").asText()).isEqualTo("User u1");
    assertThat(user("u9").path("displayName").asText())
        .as("sent moments ago in this run: not read back")
        .isEqualTo("Mallory");
    assertThat(run.counts().repaired()).isEqualTo(1);
  }

  @Test
  void anObjectThisRunUpdatedIsComparedOnlyWhenTheTargetChangedItSinceTheWrite() throws Exception {
    // the fleet's clock a second ahead of the target's: its writes are not later than the states
    clock.advance(Duration.between(clock.instant(), Instant.now().plusSeconds(1)));
    String runId = startRun();
    for (String id : List.of("u1", "u2", "u3")) {
      stores.directory().putUser(aUser(id).named("Renamed " + id).withUsername(id).build());
      sync(ObjectType.USER, id); // updated by this run's pages
    }
    // the target stamps with the real clock, to the second: the hand edits below must come later
    // than the states' times (the fleet's clock, a second ahead)
    Instant written = stores.syncState().get("crm", ObjectType.USER, "u3").orElseThrow().time();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Instant.now().isAfter(written.plusSeconds(1)));
    byHand.patch(
        "Users",
        remoteId(ObjectType.USER, "u2"),
        PatchRequest.builder().replace("displayName", "Mallory").build(),
        null);
    String deleted = remoteId(ObjectType.USER, "u3");
    byHand.delete("Users", deleted, null);
    // changed in the directory after the write: its own sync job sends it, not the drift check
    stores.directory().putUser(aUser("u1").named("Later u1").withUsername("u1").build());
    target.resetCounts();

    FullSyncRun run = lastPhase(runId);

    assertThat(user("u1").path("displayName").asText())
        .as("the target holds what this run wrote: neither mapped nor compared again")
        .isEqualTo("Renamed u1");
    assertThat(user("u2").path("displayName").asText())
        .as("edited by hand after the write")
        .isEqualTo("Renamed u2");
    assertThat(remoteId(ObjectType.USER, "u3")).as("deleted after the write").isNotEqualTo(deleted);
    assertThat(user("u3").path("displayName").asText()).isEqualTo("Renamed u3");
    assertThat(run.counts().repaired()).isEqualTo(2); // u2 and u3
  }

  @Test
  void anAttributeChangedOnTheTargetIsSentAgain() throws Exception {
    byHand.patch(
        "Users",
        remoteId(ObjectType.USER, "u1"),
        PatchRequest.builder().replace("displayName", "Mallory").build(),
        null);
    byHand.patch(
        "Groups",
        remoteId(ObjectType.GROUP, "g1"),
        PatchRequest.builder().replace("displayName", "renamed").build(),
        null);

    FullSyncRun run = fullSyncLastPhase();

    assertThat(user("u1").path("displayName").asText()).isEqualTo("User u1");
    assertThat(memberIds("staff")).hasSize(2);
    assertThat(run.counts().repaired()).isEqualTo(2);
    assertThat(target.requestCount("POST")).isZero();
  }

  @Test
  void membersRemovedAndAddedByHandArePutBackToTheDirectorysSet() throws Exception {
    String group = remoteId(ObjectType.GROUP, "g1");
    byHand.patch(
        "Groups",
        group,
        PatchRequest.memberChanges(
                List.of(remoteId(ObjectType.USER, "u3")),
                List.of(remoteId(ObjectType.USER, "u2")),
                10)
            .get(0),
        null);
    assertThat(memberIds("staff"))
        .containsExactlyInAnyOrder(
            remoteId(ObjectType.USER, "u1"), remoteId(ObjectType.USER, "u3"));

    FullSyncRun run = fullSyncLastPhase();

    assertThat(memberIds("staff"))
        .containsExactlyInAnyOrder(
            remoteId(ObjectType.USER, "u1"), remoteId(ObjectType.USER, "u2"));
    assertThat(run.counts().repaired()).isEqualTo(1);
    assertThat(target.requestCount("PUT")).isZero();
  }

  @Test
  void withNativeNestingAChildGroupRemovedByHandIsAddedBackAsAGroupMember() throws Exception {
    provider(p -> p.nestedGroups(NestedGroups.NATIVE));
    stores.directory().putGroup(aGroup("g2").named("parent").build(), List.of("u3"), List.of("g1"));
    sync(ObjectType.GROUP, "g2");
    String child = remoteId(ObjectType.GROUP, "g1");
    assertThat(memberIds("parent"))
        .containsExactlyInAnyOrder(remoteId(ObjectType.USER, "u3"), child);
    byHand.patch(
        "Groups",
        remoteId(ObjectType.GROUP, "g2"),
        PatchRequest.memberChanges(List.of(), List.of(child), 10).get(0),
        null);
    assertThat(memberIds("parent")).doesNotContain(child);

    FullSyncRun run = fullSyncLastPhase();

    assertThat(memberIds("parent"))
        .containsExactlyInAnyOrder(remoteId(ObjectType.USER, "u3"), child);
    assertThat(run.counts().repaired()).isEqualTo(1);
  }

  @Test
  void objectsTheFleetDoesNotManageAreCountedAndLeftAlone() throws Exception {
    byHand.create(
        "Users",
        resource(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"stranger\"}"));
    byHand.create(
        "Groups",
        resource(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"theirs\"}"));
    target.resetCounts();

    SyncCounts counts = fullSyncLastPhase().counts();

    assertThat(counts.unmanaged()).isEqualTo(2);
    assertThat(counts.deleted()).isZero();
    assertThat(userNames()).contains("stranger");
    assertThat(target.writeRequestCount()).isZero();
  }

  @Test
  void withDeleteUnmanagedTheyAreRemovedThroughTheDeletionGuard() throws Exception {
    provider(
        p ->
            p.deletingUnmanaged()
                .withDeletionThreshold(25)); // 25% of 4 objects: one removal passes
    for (String name : List.of("stranger1", "stranger2")) {
      byHand.create(
          "Users",
          resource(
              "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                  + name
                  + "\"}"));
    }

    FullSyncRun run = fullSyncLastPhase();

    assertThat(run.counts().unmanaged()).isEqualTo(2);
    assertThat(run.counts().deleted()).isEqualTo(1);
    assertThat(stores.deletions().heldCount("crm")).isEqualTo(1);
    assertThat(run.status()).isEqualTo(FullSyncRun.Status.THRESHOLD_EXCEEDED);
    assertThat(run.message()).contains("1 removals of unmanaged objects held");
    assertThat(userNames())
        .containsExactlyInAnyOrder("u1", "u2", "u3", stillThere(List.of("stranger1", "stranger2")));
  }

  @Test
  void withTheDriftCheckOffHandEditsStayAndNothingIsRead() throws Exception {
    provider(ProviderBuilder::withoutDriftCheck);
    byHand.delete("Users", remoteId(ObjectType.USER, "u2"), null);
    target.resetCounts();

    FullSyncRun run = fullSyncLastPhase();

    assertThat(userNames()).containsExactlyInAnyOrder("u1", "u3");
    assertThat(target.requestCount("GET") + target.writeRequestCount()).isZero();
    assertThat(run.counts().repaired()).isZero();
  }

  private static String stillThere(List<String> candidates) {
    Set<String> names = new TreeSet<>(userNames());
    return candidates.stream().filter(names::contains).findFirst().orElseThrow();
  }

  private void provider(UnaryOperator<ProviderBuilder> settings) {
    stores
        .providers()
        .put(
            settings
                .apply(
                    aProvider("crm")
                        .at(target.baseUrl().toString())
                        .withCredential(Credential.inline(target.token())))
                .build());
  }

  private void sync(ObjectType type, String id) throws Exception {
    SyncObjectHandler handler = (SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class);
    handler.run(new SyncObjectRequest("crm", type, id, null));
  }

  private FullSyncRun fullSyncLastPhase() throws Exception {
    return lastPhase(startRun());
  }

  /** A run that starts after the syncs so far. */
  private String startRun() {
    clock.advance(Duration.ofSeconds(1));
    String runId = "r" + ++runs;
    stores.syncState().startRun(cleanable(FullSyncRun.started(runId, "crm", clock.instant())));
    return runId;
  }

  private FullSyncRun lastPhase(String runId) throws Exception {
    FullSyncPhaseHandler handler =
        (FullSyncPhaseHandler) worker.handlers().get(FullSyncPhaseHandler.class);
    handler.run(new FullSyncPhaseRequest("crm", runId, FullSyncRun.Phase.CLEANUP, false));
    return stores.syncState().lastRun("crm").orElseThrow();
  }

  private String remoteId(ObjectType type, String id) {
    return stores.syncState().get("crm", type, id).orElseThrow().remoteId();
  }

  private static List<String> userNames() {
    return target.users().stream().map(user -> user.path("userName").asText()).toList();
  }

  private JsonNode user(String id) {
    String remoteId = remoteId(ObjectType.USER, id);
    return target.users().stream()
        .filter(user -> user.path("id").asText().equals(remoteId))
        .findFirst()
        .orElseThrow();
  }

  private static Set<String> memberIds(String groupName) {
    JsonNode group =
        target.groups().stream()
            .filter(g -> g.path("displayName").asText().equals(groupName))
            .findFirst()
            .orElseThrow();
    Set<String> ids = new TreeSet<>();
    group.path("members").forEach(member -> ids.add(member.path("value").asText()));
    return ids;
  }

  private static ObjectNode resource(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }
}
