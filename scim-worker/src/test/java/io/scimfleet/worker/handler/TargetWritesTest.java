package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.SyncStateBuilder.aSyncState;
import static io.scimfleet.testing.UserBuilder.aUser;
import static io.scimfleet.worker.handler.CleanableRuns.cleanable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.FullSyncPhaseHandler;
import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.ProviderBuilder;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the worker sends a target for one object, read from WireMock's request journal: in-memory
 * stores, no job server, one test per rule of the write path.
 */
class TargetWritesTest {
  private static final String BASE = "/scim/v2";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private Worker worker;

  @BeforeEach
  void start() {
    worker =
        new Worker(
            stores,
            new NoJobQueue(),
            new FleetMetrics(new SimpleMeterRegistry()),
            clock,
            2,
            TestSecurity.settings());
    target.stubFor(
        get(urlPathEqualTo(BASE + "/ServiceProviderConfig"))
            .willReturn(
                scim(
                    200,
                    """
        {"patch":{"supported":true},"bulk":{"supported":false},"filter":{"supported":true,"maxResults":100},
         "etag":{"supported":false}}""")));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes")).willReturn(aResponse().withStatus(404)));
    providerWith(UnaryOperator.identity());
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void aConflictOnCreateLinksTheExistingUserAndUpdatesIt() throws Exception {
    stores.directory().putUser(aUser("u1").withUsername("ada").build());
    target.stubFor(
        post(urlPathEqualTo(BASE + "/Users"))
            .willReturn(scim(409, "{\"scimType\":\"uniqueness\"}")));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/Users"))
            .willReturn(
                scim(
                    200,
                    "{\"totalResults\":1,\"Resources\":[{\"id\":\"R-ada\",\"userName\":\"ada\"}]}")));
    target.stubFor(
        patch(urlPathEqualTo(BASE + "/Users/R-ada"))
            .willReturn(scim(200, "{\"id\":\"R-ada\",\"userName\":\"ada\"}")));

    syncUser("u1", null);

    assertThat(state(ObjectType.USER, "u1").remoteId()).isEqualTo("R-ada");
    LoggedRequest lookup = target.findAll(getRequestedFor(urlPathEqualTo(BASE + "/Users"))).get(0);
    assertThat(lookup.queryParameter("filter").firstValue()).isEqualTo("userName eq \"ada\"");
    assertThat(target.findAll(patchRequestedFor(urlPathEqualTo(BASE + "/Users/R-ada")))).hasSize(1);
  }

  @Test
  void aTargetRefusingTheValuePathFilterIsAskedForAnyEmailAndThePrimaryOneIsLinked()
      throws Exception {
    providerWith(provider -> provider.matchingOn("emails.primary", null));
    stores.directory().putUser(aUser("u1").named("Ada Lovelace").build());
    target.stubFor(
        post(urlPathEqualTo(BASE + "/Users"))
            .willReturn(scim(409, "{\"scimType\":\"uniqueness\"}")));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/Users"))
            .withQueryParam("filter", containing("["))
            .willReturn(scim(400, "{\"scimType\":\"invalidFilter\"}")));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/Users"))
            .withQueryParam("filter", equalTo("emails.value eq \"ada.lovelace@example.org\""))
            .willReturn(
                scim(
                    200,
                    """
            {"totalResults":2,"Resources":[
             {"id":"R-other","userName":"x","emails":[{"value":"ada.lovelace@example.org","primary":false},{"value":"x@example.org","primary":true}]},
             {"id":"R-ada","userName":"ada","emails":[{"value":"ada.lovelace@example.org","primary":true}]}]}""")));
    target.stubFor(
        patch(urlPathEqualTo(BASE + "/Users/R-ada")).willReturn(aResponse().withStatus(204)));

    syncUser("u1", null);

    assertThat(state(ObjectType.USER, "u1").remoteId()).isEqualTo("R-ada");
    assertThat(target.findAll(getRequestedFor(urlPathEqualTo(BASE + "/Users"))))
        .extracting(r -> r.queryParameter("filter").firstValue())
        .containsExactly(
            "emails[primary eq true and value eq \"ada.lovelace@example.org\"]",
            "emails.value eq \"ada.lovelace@example.org\"");
  }

  @Test
  void aStaleETagIsReadAgainAndThePatchSentOnceMoreWithTheCurrentOne() throws Exception {
    target.stubFor(
        get(urlPathEqualTo(BASE + "/ServiceProviderConfig"))
            .willReturn(
                scim(
                    200,
                    """
        {"patch":{"supported":true},"bulk":{"supported":false},"filter":{"supported":true,"maxResults":100},
         "etag":{"supported":true}}""")));
    stores.directory().putUser(aUser("u1").build());
    stores
        .syncState()
        .put(
            aSyncState("crm", ObjectType.USER, "u1")
                .createdAs("R-1")
                .withVersion("W/\"1\"")
                .withPayloadHash("stale")
                .build());
    target.stubFor(
        patch(urlPathEqualTo(BASE + "/Users/R-1"))
            .withHeader("If-Match", equalTo("W/\"1\""))
            .willReturn(scim(412, "{\"detail\":\"version mismatch\"}")));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/Users/R-1"))
            .willReturn(
                scim(
                        200,
                        "{\"id\":\"R-1\",\"userName\":\"u1\",\"meta\":{\"version\":\"W/\\\"2\\\"\"}}")
                    .withHeader("ETag", "W/\"2\"")));
    target.stubFor(
        patch(urlPathEqualTo(BASE + "/Users/R-1"))
            .withHeader("If-Match", equalTo("W/\"2\""))
            .willReturn(
                scim(
                    200,
                    "{\"id\":\"R-1\",\"userName\":\"u1\",\"meta\":{\"version\":\"W/\\\"3\\\"\"}}")));

    syncUser("u1", null);

    assertThat(target.findAll(patchRequestedFor(urlPathEqualTo(BASE + "/Users/R-1"))))
        .extracting(sent -> sent.getHeader("If-Match"))
        .containsExactly("W/\"1\"", "W/\"2\"");
    ObjectSyncState state = state(ObjectType.USER, "u1");
    assertThat(state.outcome()).isEqualTo(SyncOutcome.UPDATED);
    assertThat(state.version()).isEqualTo("W/\"3\"");
    assertThat(state.lastError()).isNull();
  }

  @Test
  void aNotFoundOnUpdateRecreatesTheUser() throws Exception {
    stores.directory().putUser(aUser("u1").build());
    stores
        .syncState()
        .put(
            aSyncState("crm", ObjectType.USER, "u1")
                .createdAs("R-old")
                .withPayloadHash("stale")
                .build());
    target.stubFor(
        patch(urlPathEqualTo(BASE + "/Users/R-old"))
            .willReturn(scim(404, "{\"detail\":\"no such user\"}")));
    target.stubFor(
        post(urlPathEqualTo(BASE + "/Users"))
            .willReturn(scim(201, "{\"id\":\"R-new\",\"userName\":\"u1\"}")));

    syncUser("u1", null);

    ObjectSyncState state = state(ObjectType.USER, "u1");
    assertThat(state.remoteId()).isEqualTo("R-new");
    assertThat(state.outcome()).isEqualTo(SyncOutcome.CREATED);
    assertThat(target.findAll(postRequestedFor(urlPathEqualTo(BASE + "/Users")))).hasSize(1);
  }

  @Test
  void deactivateModeSendsActiveFalseInsteadOfADelete() throws Exception {
    providerWith(provider -> provider.deactivatingInsteadOfDeleting().withDeletionThreshold(100));
    stores.syncState().put(aSyncState("crm", ObjectType.USER, "u9").createdAs("R-9").build());
    target.stubFor(
        patch(urlPathEqualTo(BASE + "/Users/R-9")).willReturn(aResponse().withStatus(204)));

    syncUser("u9", "R-9");

    JsonNode operations =
        body(target.findAll(patchRequestedFor(urlPathEqualTo(BASE + "/Users/R-9"))).get(0))
            .path("Operations");
    assertThat(operations).hasSize(1);
    assertThat(operations.get(0).path("op").asText()).isEqualToIgnoringCase("replace");
    assertThat(operations.get(0).path("path").asText()).isEqualTo("active");
    assertThat(operations.get(0).path("value").isBoolean()).isTrue();
    assertThat(operations.get(0).path("value").asBoolean()).isFalse();
    assertThat(target.findAll(deleteRequestedFor(anyUrl()))).isEmpty();
    assertThat(state(ObjectType.USER, "u9").outcome()).isEqualTo(SyncOutcome.DEACTIVATED);
  }

  @Test
  void aCleanUpBeyondTheDeletionThresholdHoldsTheRestAndSaysSo() throws Exception {
    providerWith(ProviderBuilder::withoutDriftCheck); // this target plays no listing
    managedUsersOfWhichOnlyU1IsLeft();
    target.stubFor(
        delete(urlPathMatching(BASE + "/Users/R-[234]")).willReturn(aResponse().withStatus(204)));

    FullSyncRun last = cleanUp();

    assertThat(last.status()).isEqualTo(FullSyncRun.Status.THRESHOLD_EXCEEDED);
    assertThat(last.message())
        .contains("3 of 4", "held 2", "deletion threshold of 25%", "/deletions/release");
    assertThat(target.findAll(deleteRequestedFor(anyUrl()))).hasSize(1);
    assertThat(stores.deletions().held("crm", 10))
        .extracting(held -> held.remoteId())
        .containsExactly("R-3", "R-4");
  }

  @Test
  void aCleanUpWithinTheDeletionThresholdDeletesWhatLeftTheDirectory() throws Exception {
    providerWith(provider -> provider.withDeletionThreshold(80).withoutDriftCheck());
    managedUsersOfWhichOnlyU1IsLeft();
    target.stubFor(
        delete(urlPathMatching(BASE + "/Users/R-[234]")).willReturn(aResponse().withStatus(204)));

    FullSyncRun last = cleanUp();

    assertThat(last.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    assertThat(target.findAll(deleteRequestedFor(anyUrl())))
        .extracting(LoggedRequest::getUrl)
        .containsExactlyInAnyOrder(BASE + "/Users/R-2", BASE + "/Users/R-3", BASE + "/Users/R-4");
  }

  @Test
  void aCleanUpWithAScopeFilterAlsoRemovesWhatLeftTheScope() throws Exception {
    providerWith(
        provider ->
            provider.withDeletionThreshold(80).withoutDriftCheck().withUserFilter("id != 'u2'"));
    managedUsersOfWhichOnlyU1IsLeft();
    stores.directory().putUser(aUser("u2").build()); // in the directory, out of the scope
    target.stubFor(
        delete(urlPathMatching(BASE + "/Users/R-[234]")).willReturn(aResponse().withStatus(204)));

    FullSyncRun last = cleanUp();

    assertThat(last.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    assertThat(target.findAll(deleteRequestedFor(anyUrl())))
        .extracting(LoggedRequest::getUrl)
        .containsExactlyInAnyOrder(BASE + "/Users/R-2", BASE + "/Users/R-3", BASE + "/Users/R-4");
  }

  @Test
  void aCleanUpWithoutScopeKeepsEveryUserStillInTheDirectory() throws Exception {
    providerWith(provider -> provider.withDeletionThreshold(80).withoutDriftCheck());
    managedUsersOfWhichOnlyU1IsLeft();
    stores.directory().putUser(aUser("u2").build());
    target.stubFor(
        delete(urlPathMatching(BASE + "/Users/R-[234]")).willReturn(aResponse().withStatus(204)));

    FullSyncRun last = cleanUp();

    assertThat(last.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    assertThat(target.findAll(deleteRequestedFor(anyUrl())))
        .extracting(LoggedRequest::getUrl)
        .containsExactlyInAnyOrder(BASE + "/Users/R-3", BASE + "/Users/R-4");
  }

  @Test
  void groupMembershipGoesAsPatchAddAndRemoveOfTheDifference() throws Exception {
    stores.directory().putUser(aUser("u1").build());
    stores.directory().putUser(aUser("u3").build());
    stores.syncState().put(aSyncState("crm", ObjectType.USER, "u1").createdAs("R-1").build());
    stores.syncState().put(aSyncState("crm", ObjectType.USER, "u3").createdAs("R-3").build());
    stores.directory().putGroup(aGroup("g1").named("staff").build(), List.of("u1", "u3"));
    stores
        .syncState()
        .put(
            aSyncState("crm", ObjectType.GROUP, "g1")
                .createdAs("R-G")
                .withPayloadHash("old:old")
                .withMembersSent("R-1", "R-2")
                .build());
    target.stubFor(
        patch(urlPathEqualTo(BASE + "/Groups/R-G")).willReturn(aResponse().withStatus(204)));

    worker(SyncObjectHandler.class).run(new SyncObjectRequest("crm", ObjectType.GROUP, "g1", null));

    List<JsonNode> memberOperations = new ArrayList<>();
    for (LoggedRequest sent :
        target.findAll(patchRequestedFor(urlPathEqualTo(BASE + "/Groups/R-G")))) {
      body(sent)
          .path("Operations")
          .forEach(
              op -> {
                if (op.path("path").asText().startsWith("members")) memberOperations.add(op);
              });
    }
    assertThat(memberOperations).hasSize(2);
    JsonNode add =
        memberOperations.stream()
            .filter(op -> op.path("op").asText().equalsIgnoreCase("add"))
            .findFirst()
            .orElseThrow();
    assertThat(add.path("path").asText()).isEqualTo("members");
    assertThat(add.path("value")).hasSize(1);
    assertThat(add.path("value").get(0).path("value").asText()).isEqualTo("R-3");
    JsonNode remove =
        memberOperations.stream()
            .filter(op -> op.path("op").asText().equalsIgnoreCase("remove"))
            .findFirst()
            .orElseThrow();
    assertThat(remove.path("path").asText()).isEqualTo("members[value eq \"R-2\"]");
    assertThat(state(ObjectType.GROUP, "g1").membersSent()).containsExactlyInAnyOrder("R-1", "R-3");
  }

  @Test
  void anUnchangedUserSendsNoRequest() throws Exception {
    stores.directory().putUser(aUser("u1").build());
    target.stubFor(
        post(urlPathEqualTo(BASE + "/Users"))
            .willReturn(scim(201, "{\"id\":\"R-1\",\"userName\":\"u1\"}")));
    syncUser("u1", null);
    int sent = target.findAll(anyRequestedFor(anyUrl())).size();

    syncUser("u1", null);
    stores.directory().putUser(aUser("u1").build());
    syncUser("u1", null);

    assertThat(target.findAll(anyRequestedFor(anyUrl()))).hasSize(sent);
    assertThat(state(ObjectType.USER, "u1").outcome()).isEqualTo(SyncOutcome.CREATED);
  }

  private void providerWith(UnaryOperator<ProviderBuilder> settings) {
    stores.providers().put(settings.apply(aProvider("crm").at(target.baseUrl() + BASE)).build());
  }

  /** Four users were put on the target; the directory holds only u1 now. */
  private void managedUsersOfWhichOnlyU1IsLeft() {
    stores.directory().putUser(aUser("u1").build());
    for (int i = 1; i <= 4; i++) {
      stores
          .syncState()
          .put(aSyncState("crm", ObjectType.USER, "u" + i).createdAs("R-" + i).build());
    }
  }

  private FullSyncRun cleanUp() throws Exception {
    stores.syncState().startRun(cleanable(FullSyncRun.started("r1", "crm", clock.instant())));
    worker(FullSyncPhaseHandler.class)
        .run(new FullSyncPhaseRequest("crm", "r1", FullSyncRun.Phase.CLEANUP, false));
    return stores.syncState().lastRun("crm").orElseThrow();
  }

  private void syncUser(String id, String remoteIdAtDelete) throws Exception {
    worker(SyncObjectHandler.class)
        .run(new SyncObjectRequest("crm", ObjectType.USER, id, remoteIdAtDelete));
  }

  private <T> T worker(Class<T> handler) {
    return handler.cast(worker.handlers().get(handler));
  }

  private ObjectSyncState state(ObjectType type, String id) {
    return stores.syncState().get("crm", type, id).orElseThrow();
  }

  private static JsonNode body(LoggedRequest request) throws Exception {
    return JSON.readTree(request.getBodyAsString());
  }

  private static ResponseDefinitionBuilder scim(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(body);
  }
}
