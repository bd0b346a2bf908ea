package io.scimfleet.worker.handler;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.BulkMode;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.store.Stores;
import io.scimfleet.store.SyncStateStore;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 27, item 4: against a target that takes a second user with the same userName (and a second
 * group with the same displayName), a worker that dies after a create went out and before its state
 * was written makes no duplicate: the create's intent was recorded, and the next attempt finds the
 * object on the target and links it. Each object "dies" once after its create (a Bulk request's
 * whole answer, for Bulk), and each group once more after its first member chunk.
 */
class CrashedCreatesTest {
  private static final int USERS = 120;
  private static final int GROUPS = 3;
  private static final int MEMBERS = 12; // three member chunks of 5
  private static ScimSdkServer server;

  private final Stores real = Stores.inMemory();
  private final DrivenJobQueue queue = new DrivenJobQueue();
  private final Set<String> died = ConcurrentHashMap.newKeySet();
  private Worker worker;

  @BeforeAll
  static void startTarget() {
    server = ScimSdkServer.start();
  }

  @AfterAll
  static void stopTarget() {
    server.close();
  }

  @BeforeEach
  void targetWithoutUniqueness() {
    server.reset();
    server.acceptDuplicateNames();
  }

  @AfterEach
  void stop() {
    if (worker != null) worker.close();
  }

  @ParameterizedTest(name = "bulk {0}")
  @EnumSource(BulkMode.class)
  void aWorkerThatDiesBetweenACreateAndItsStateMakesNoDuplicate(BulkMode bulk) {
    start(bulk);

    for (int run = 1; run <= 3; run++) {
      queue.enqueue(new FullSyncRequest("crm", "run" + run, false));
      queue.drain(worker.handlers());
    }

    assertThat(died).as("the crashes happened").hasSizeGreaterThan(USERS);
    List<String> userNames = names(server.users(), "userName");
    assertThat(userNames).hasSize(USERS).doesNotHaveDuplicates();
    List<String> groupNames = names(server.groups(), "displayName");
    assertThat(groupNames).hasSize(GROUPS).doesNotHaveDuplicates();
    // a member chunk resent after a crash adds members again: RFC 7644 §3.5.2.1 says a target
    // SHOULD leave a value it holds unchanged; this one lists it twice, so count distinct ones
    Set<String> userIds = Set.copyOf(names(server.users(), "id"));
    assertThat(server.groups())
        .allSatisfy(
            group ->
                assertThat(Set.copyOf(names(copy(group.path("members")), "value")))
                    .hasSize(MEMBERS)
                    .isSubsetOf(userIds));
  }

  private void start(BulkMode bulk) {
    Stores stores =
        real.withSyncState(Faults.injected(SyncStateStore.class, real.syncState(), this::dieOnce));
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(server.baseUrl().toString())
                .withCredential(Credential.inline(server.token()))
                .withDeletionThreshold(100)
                .bulk(bulk)
                .withMemberPatchChunk(5)
                .build());
    IntStream.range(0, USERS)
        .forEach(i -> stores.directory().putUser(aUser(String.format("u%03d", i)).build()));
    for (int g = 0; g < GROUPS; g++) {
      List<String> members = new ArrayList<>();
      for (int m = 0; m < MEMBERS; m++) members.add(String.format("u%03d", g * MEMBERS + m));
      stores.directory().putGroup(aGroup("g" + g).named("team " + g).build(), members);
    }
    worker =
        new Worker(
            stores,
            queue,
            new FleetMetrics(new SimpleMeterRegistry()),
            Clock.systemUTC(),
            4,
            TestSecurity.settings());
  }

  /**
   * The state write after each object's create fails once, as if its worker died there (a Bulk
   * request's states are written together: all of them); a group's write after its first member
   * chunk fails once too.
   */
  private Throwable dieOnce(Faults.Call call) {
    List<ObjectSyncState> states = new ArrayList<>();
    if (call.method().equals("put")) states.add((ObjectSyncState) call.args()[0]);
    else if (call.method().equals("putAll"))
      ((Collection<?>) call.args()[0]).forEach(s -> states.add((ObjectSyncState) s));
    boolean dies = false;
    for (ObjectSyncState state : states) {
      if (state.remoteId() == null) continue;
      boolean chunk = state.membersSent() != null && !state.membersSent().isEmpty();
      dies |= died.add((chunk ? "chunk " : "create ") + state.type() + " " + state.objectId());
    }
    return dies ? new IllegalStateException("worker killed before its state write") : null;
  }

  private static List<JsonNode> copy(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static List<String> names(List<JsonNode> resources, String attribute) {
    return resources.stream().map(r -> r.path(attribute).asText()).toList();
  }
}
