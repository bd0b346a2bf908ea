package io.scimfleet.worker.handler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.BulkMode;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncAttempt;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.ReceivedPasswords;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.PagePreload;
import io.scimfleet.worker.pipeline.PageSize;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import io.scimfleet.worker.pipeline.SyncResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full-sync pages in SCIM Bulk requests, against SCIM-SDK announcing Bulk with maxOperations 5. */
class BulkPagesTest {
  private static final int MAX_OPERATIONS = 5;
  private static ScimSdkServer target;

  private final Stores stores = Stores.inMemory();
  private final FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
  private ProviderContexts contexts;
  private PageRunner runner;

  @BeforeAll
  static void startTarget() {
    target =
        ScimSdkServer.start(ScimSdkServer.Options.defaults().withBulkMaxOperations(MAX_OPERATIONS));
  }

  @AfterAll
  static void stopTarget() {
    target.close();
  }

  @BeforeEach
  void start() {
    target.reset();
    contexts =
        new ProviderContexts(
            stores.providers(),
            metrics,
            RateLimiter.local(),
            TestSecurity.settings(),
            stores.directory());
    ProviderHealth health = new ProviderHealth(stores.quarantines(), Clock.systemUTC());
    runner =
        new PageRunner(
            new ObjectSync(stores, new ScimSchemaValidator(), metrics, health, Clock.systemUTC()),
            metrics,
            4,
            Pacing.defaults(16));
  }

  @AfterEach
  void stop() {
    runner.close();
    contexts.close();
  }

  @Test
  void createsAndThenUpdatesGoInCeilOfNOverMaxOperationsBulkRequests() {
    useProvider(BulkMode.AUTO);
    List<String> ids = IntStream.rangeClosed(1, 12).mapToObj(i -> "u" + i).toList();
    ids.forEach(
        id -> stores.directory().putUser(aUser(id).named("Ada " + id).withUsername(id).build()));
    target.resetCounts();

    List<SyncResult> created = page(ids);

    assertThat(created).extracting(SyncResult::outcome).containsOnly(SyncOutcome.CREATED);
    assertThat(target.requestCount("POST")).as("ceil(12 / 5) Bulk requests").isEqualTo(3);
    assertThat(target.requestCount("PATCH")).isZero();
    assertTargetEqualsDirectory(ids);
    for (String id : ids) {
      assertThat(stores.history().recent("crm", ObjectType.USER, id))
          .as("the history of " + id + ", written with its request's others")
          .singleElement()
          .satisfies(
              attempt -> {
                assertThat(attempt.outcome()).isEqualTo("created");
                assertThat(attempt.requests())
                    .containsExactly(new SyncAttempt.Request("POST", 201));
              });
      assertThat(stores.receipts().get(id, "crm"))
          .as("the receipt of " + id + " names the object it created")
          .hasValueSatisfying(
              receipt -> {
                assertThat(receipt.lastAction()).isEqualTo("created");
                assertThat(receipt.remoteId()).isEqualTo(state(id).remoteId());
              });
    }

    ids.subList(0, 7)
        .forEach(
            id ->
                stores
                    .directory()
                    .putUser(aUser(id).named("Grace " + id).withUsername(id).build()));
    target.resetCounts();
    List<SyncResult> updated = page(ids);

    assertThat(updated.subList(0, 7))
        .extracting(SyncResult::outcome)
        .containsOnly(SyncOutcome.UPDATED);
    assertThat(updated.subList(7, 12))
        .extracting(SyncResult::outcome)
        .containsOnly(SyncOutcome.UNCHANGED);
    assertThat(target.requestCount("POST")).as("ceil(7 / 5) Bulk requests").isEqualTo(2);
    assertThat(target.requestCount("PATCH") + target.requestCount("PUT")).isZero();
    assertTargetEqualsDirectory(ids);
  }

  @Test
  void pagesAboveAHundredTakeEffectOnlyAsFarAsTheTargetsBulkAllows() {
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl().toString())
                .withCredential(Credential.inline(target.token()))
                .withPageSize(500)
                .build());
    assertThat(PageSize.of(contexts.get("crm").orElseThrow()))
        .as("maxOperations " + MAX_OPERATIONS + ": pages stay at 100")
        .isEqualTo(100);

    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl().toString())
                .withCredential(Credential.inline(target.token()))
                .withPageSize(40)
                .build());
    assertThat(PageSize.of(contexts.get("crm").orElseThrow())).isEqualTo(40);
  }

  @Test
  void aConflictOnOneOperationLinksThatObjectAndTheOthersAreCreated() {
    useProvider(BulkMode.AUTO);
    String existing =
        client()
            .create("Users", JsonNodeFactory.instance.objectNode().put("userName", "taken"))
            .id();
    List<String> ids = List.of("free1", "taken", "free2");
    ids.forEach(
        id -> stores.directory().putUser(aUser(id).named("Ada " + id).withUsername(id).build()));

    List<SyncResult> results = page(ids);

    assertThat(results)
        .extracting(SyncResult::outcome)
        .containsExactly(SyncOutcome.CREATED, SyncOutcome.UPDATED, SyncOutcome.CREATED);
    assertThat(state("taken").remoteId()).isEqualTo(existing);
    assertThat(target.users()).hasSize(3);
    assertTargetEqualsDirectory(ids);
  }

  @Test
  void bulkOffSendsOneRequestPerObject() {
    useProvider(BulkMode.OFF);
    List<String> ids = List.of("a1", "a2", "a3");
    ids.forEach(id -> stores.directory().putUser(aUser(id).build()));
    target.resetCounts();

    List<SyncResult> results = page(ids);

    assertThat(results).extracting(SyncResult::outcome).containsOnly(SyncOutcome.CREATED);
    assertThat(target.requestCount("POST")).as("one POST /Users per user, no Bulk").isEqualTo(3);
    assertTargetEqualsDirectory(ids);
  }

  @Test
  void aForcedPageReadsItsUsersUnderTheirLocksOnlyAndLeavesOneGoneToTheSinglePath() {
    useProvider(BulkMode.AUTO);
    List<String> ids = IntStream.rangeClosed(1, 6).mapToObj(i -> "u" + i).toList();
    ids.forEach(id -> stores.directory().putUser(aUser(id).withUsername(id).build()));
    page(ids);
    stores.directory().putUser(aUser("u1").named("Grace Hopper").withUsername("u1").build());
    stores.directory().deleteUser("u6");
    target.resetCounts();

    List<SyncResult> results =
        runner.run(
            new PageRun.Work(
                contexts.get("crm").orElseThrow(),
                ObjectType.USER,
                ids,
                PagePreload.forced(stores, "crm", ObjectType.USER, ids, false),
                true,
                SyncTrigger.FULL_SYNC,
                () -> {}));

    assertThat(results.subList(0, 5))
        .extracting(SyncResult::outcome)
        .containsOnly(SyncOutcome.UPDATED);
    assertThat(results.get(5).outcome()).isEqualTo(SyncOutcome.DELETED);
    assertThat(target.requestCount("POST")).as("ceil(5 / 5) Bulk request").isEqualTo(1);
    assertThat(target.requestCount("DELETE")).as("the user gone, on its own").isEqualTo(1);
    assertTargetEqualsDirectory(ids.subList(0, 5));
  }

  @Test
  void aUserWhoseNewPasswordWaitsGoesAloneWithItAndTheOthersInBulk() {
    try (ScimSdkServer takesPasswords =
        ScimSdkServer.start(
            ScimSdkServer.Options.defaults()
                .withBulkMaxOperations(MAX_OPERATIONS)
                .withChangePassword(true))) {
      stores
          .providers()
          .put(
              aProvider("crm")
                  .at(takesPasswords.baseUrl().toString())
                  .withCredential(Credential.inline(takesPasswords.token()))
                  .syncingPasswords()
                  .build());
      List<String> ids = List.of("p1", "p2", "p3", "p4");
      ids.forEach(id -> stores.directory().putUser(aUser(id).withUsername(id).build()));
      page(ids, passwordSync());
      stores
          .passwords()
          .put("p2", TestSecurity.sealPassword("p2", "new-secret-p2"), Duration.ofHours(1));
      stores.passwords().expect("p2", Set.of("crm"));
      takesPasswords.resetCounts();

      List<SyncResult> results = page(ids, passwordSync());

      assertThat(results.get(1).outcome()).isEqualTo(SyncOutcome.UPDATED);
      assertThat(takesPasswords.passwordsReceived())
          .extracting(ReceivedPasswords.Received::password)
          .containsExactly("new-secret-p2");
      assertThat(stores.passwords().pending("p2", "crm")).as("delivered, so gone").isEmpty();
      assertThat(state("p2").password()).isEqualTo("delivered");
      assertThat(takesPasswords.requestCount("PATCH"))
          .as("the password alone, outside Bulk")
          .isEqualTo(1);
    }
  }

  private PageRunner passwordSync() {
    ProviderHealth health = new ProviderHealth(stores.quarantines(), Clock.systemUTC());
    return new PageRunner(
        new ObjectSync(
            stores,
            new ScimSchemaValidator(),
            metrics,
            health,
            Clock.systemUTC(),
            TestSecurity.BOX),
        metrics,
        4,
        Pacing.defaults(16));
  }

  private List<SyncResult> page(List<String> ids, PageRunner with) {
    try (with) {
      return with.run(
          new PageRun.Work(
              contexts.get("crm").orElseThrow(),
              ObjectType.USER,
              ids,
              PagePreload.load(stores, "crm", ObjectType.USER, ids, true),
              false,
              SyncTrigger.FULL_SYNC,
              () -> {}));
    }
  }

  private void assertTargetEqualsDirectory(List<String> ids) {
    Map<String, JsonNode> byId =
        target.users().stream()
            .collect(Collectors.toMap(user -> user.path("id").asText(), Function.identity()));
    assertThat(byId).hasSize(ids.size());
    for (String id : ids) {
      ObjectSyncState state = state(id);
      assertThat(state.outcome()).isNotEqualTo(SyncOutcome.FAILED);
      JsonNode onTarget = byId.get(state.remoteId());
      assertThat(onTarget).as("the remote id recorded for " + id).isNotNull();
      assertThat(onTarget.path("userName").asText()).isEqualTo(id);
      String name = stores.directory().user(id).orElseThrow().name();
      assertThat(onTarget.path("displayName").asText()).isEqualTo(name == null ? id : name);
    }
  }

  private ObjectSyncState state(String id) {
    return stores.syncState().get("crm", ObjectType.USER, id).orElseThrow();
  }

  private void useProvider(BulkMode bulk) {
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl().toString())
                .withCredential(Credential.inline(target.token()))
                .bulk(bulk)
                .build());
  }

  private ScimClient client() {
    return contexts.get("crm").orElseThrow().client();
  }

  private List<SyncResult> page(List<String> ids) {
    return runner.run(CrmUserPages.of(contexts, stores, ids));
  }
}
