package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.DriftMarks;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scim.PatchRequest;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drift check between two full reads on a target that does not honour the {@code
 * meta.lastModified} filter but sorts by it (SCIM-SDK with {@code sort.supported}, its own
 * comparator), and on one that announces sorting but ignores it (SCIM-SDK without sorting, which
 * then drops {@code sortBy}); WireMock in front announces no filter, sorting, and {@code
 * maxResults} 1000 (SCIM-SDK answers at most 200 a page). Hand edits are made with a SCIM client of
 * their own.
 */
class NewestFirstDriftCheckTest {
  private static final int USERS = 110;
  private static final String SORT_NO_FILTER_CONFIG =
      """
      {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
       "patch":{"supported":true},"bulk":{"supported":false,"maxOperations":0,"maxPayloadSize":0},
       "filter":{"supported":false,"maxResults":1000},"changePassword":{"supported":false},
       "sort":{"supported":true},"etag":{"supported":false},"authenticationSchemes":[]}
      """;

  private static ScimSdkServer sorting;
  private static ScimSdkServer ignoring;
  private static WireMockServer proxy;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private ScimSdkServer target;
  private ScimClient byHand;
  private Worker worker;
  private int runs;

  @BeforeAll
  static void startTargets() {
    sorting = ScimSdkServer.start(ScimSdkServer.Options.defaults().withSort(true));
    ignoring = ScimSdkServer.start();
    proxy = new WireMockServer(wireMockConfig().dynamicPort());
    proxy.start();
  }

  @AfterAll
  static void stopTargets() {
    proxy.stop();
    sorting.close();
    ignoring.close();
  }

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
  }

  @AfterEach
  void stop() {
    worker.close();
    if (byHand != null) byHand.close();
  }

  @Test
  void aHandEditIsFoundOnTheFirstNewestFirstPageAndRepaired() throws Exception {
    provisionedBehindProxy(sorting);
    lastPhase(false);
    assertThat(marks().incremental())
        .as("found out after the first full read")
        .isEqualTo(DriftMarks.Incremental.SORT);
    byHand.patch(
        "Users",
        remoteId("u7"),
        PatchRequest.builder().replace("displayName", "Mallory").build(),
        null);
    clock.advance(Duration.ofHours(1));
    target.resetCounts();

    FullSyncRun second = lastPhase(false);

    assertThat(user("u7").path("displayName").asText()).isEqualTo("User u7");
    assertThat(second.counts().repaired()).isEqualTo(1);
    assertThat(target.getQueries())
        .as("per type: how many there are, and the first page newest first")
        .hasSize(4)
        .filteredOn(q -> q.contains("sortBy=meta.lastModified&sortOrder=descending"))
        .hasSize(2)
        .allMatch(q -> q.contains("startIndex=1&"));

    clock.advance(Duration.ofMinutes(30));
    target.resetCounts();
    FullSyncRun third = lastPhase(false);
    assertThat(third.counts().repaired()).isZero();
    assertThat(target.writeRequestCount()).isZero();
    assertThat(target.requestCount("GET")).isEqualTo(4);
  }

  @Test
  void aTargetThatAnnouncesSortingButIgnoresItIsCountedAndListedInFewPagesOnADeletion()
      throws Exception {
    provisionedBehindProxy(ignoring);
    lastPhase(false);
    assertThat(marks().incremental()).isEqualTo(DriftMarks.Incremental.LISTING);
    clock.advance(Duration.ofHours(1));
    target.resetCounts();
    assertThat(lastPhase(false).counts().repaired()).isZero();
    assertThat(target.getQueries())
        .as("unchanged: per type only how many there are")
        .hasSize(2)
        .allMatch(q -> q.contains("count=1&") || q.endsWith("count=1"));
    String before = remoteId("u2");
    byHand.delete("Users", before, null);
    clock.advance(Duration.ofMinutes(30));
    target.resetCounts();

    FullSyncRun run = lastPhase(false);

    assertThat(remoteId("u2")).isNotEqualTo(before);
    assertThat(run.counts().repaired()).as("u2 and its group").isEqualTo(2);
    assertThat(marks().incremental()).isEqualTo(DriftMarks.Incremental.LISTING);
    assertThat(target.getQueries())
        .as("the number differs: pages of 1000 asked, SCIM-SDK's 200 taken")
        .noneMatch(q -> q.contains("sortBy"))
        .filteredOn(q -> q.startsWith("Users?") && q.contains("count=1000"))
        .hasSize(1)
        .allMatch(q -> q.contains("attributes=id,meta"));
  }

  @Test
  void aSortRefusedAfterItWasVerifiedFallsBackToTheListingAndIsVerifiedAgain() throws Exception {
    provisionedBehindProxy(sorting);
    lastPhase(false);
    assertThat(marks().incremental()).isEqualTo(DriftMarks.Incremental.SORT);
    proxy.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .withQueryParam("sortBy", matching(".*"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/scim+json")
                    .withBody(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                            + "\"status\":\"400\",\"detail\":\"sorting is off\"}")));
    byHand.patch(
        "Users",
        remoteId("u3"),
        PatchRequest.builder().replace("displayName", "Mallory").build(),
        null);
    clock.advance(Duration.ofHours(1));

    FullSyncRun run = lastPhase(false);

    assertThat(user("u3").path("displayName").asText()).isEqualTo("User u3");
    assertThat(run.counts().repaired()).isEqualTo(1);
    assertThat(marks().incremental()).as("verified again next time").isNull();
    clock.advance(Duration.ofHours(1));
    lastPhase(false);
    assertThat(marks().incremental()).isEqualTo(DriftMarks.Incremental.LISTING);
  }

  /** {@code server} behind the proxy; USERS users and a group of two, synced. */
  private void provisionedBehindProxy(ScimSdkServer server) throws Exception {
    target = server;
    target.reset();
    byHand = ScimClient.builder(target.baseUrl()).bearerToken(target.token()).build();
    proxy.resetAll();
    String origin = target.baseUrl().toString().replaceFirst("/scim/v2/?$", "");
    proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(origin)));
    proxy.stubFor(
        get(urlPathEqualTo("/scim/v2/ServiceProviderConfig"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/scim+json")
                    .withBody(SORT_NO_FILTER_CONFIG)));
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(proxy.baseUrl() + "/scim/v2")
                .withCredential(Credential.inline(target.token()))
                .withDriftCheckCron("0 3 * * *")
                .build());
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= USERS; i++) ids.add("u" + i);
    for (String id : ids)
      stores.directory().putUser(aUser(id).named("User " + id).withUsername(id).build());
    stores.directory().putGroup(aGroup("g1").named("staff").build(), List.of("u1", "u2"));
    for (String id : ids) sync(ObjectType.USER, id);
    sync(ObjectType.GROUP, "g1");
  }

  private void sync(ObjectType type, String id) throws Exception {
    CrmDriftSteps.sync(worker, type, id);
  }

  /** A run's clean-up phase (with its drift check), the run started a second before. */
  private FullSyncRun lastPhase(boolean force) throws Exception {
    return CrmDriftSteps.cleanUp(worker, stores, clock.instant(), "r" + ++runs, force);
  }

  private DriftMarks marks() {
    return stores.syncState().driftMarks("crm");
  }

  private String remoteId(String id) {
    return CrmDriftSteps.remoteId(stores, id);
  }

  private JsonNode user(String id) {
    return CrmDriftSteps.targetUser(target, stores, id);
  }
}
