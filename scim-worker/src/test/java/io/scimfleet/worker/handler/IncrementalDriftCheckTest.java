package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drift check between two full reads of the target, against SCIM-SDK (a server none of us
 * wrote), hand edits made with a SCIM client of their own; WireMock in front of it where the target
 * must announce or answer otherwise. The fleet's clock is injected: {@code driftCheckCron} (daily
 * at 03:00 UTC) decides full read or incremental check; the target keeps its own time.
 */
class IncrementalDriftCheckTest {
  private static final String NO_FILTER_CONFIG =
      """
      {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
       "patch":{"supported":true},"bulk":{"supported":false,"maxOperations":0,"maxPayloadSize":0},
       "filter":{"supported":false,"maxResults":100},"changePassword":{"supported":false},
       "sort":{"supported":false},"etag":{"supported":false},"authenticationSchemes":[]}
      """;

  private static ScimSdkServer target;
  private static ScimClient byHand;
  private static WireMockServer proxy;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Worker worker;
  private int runs;

  @BeforeAll
  static void startTarget() {
    target = ScimSdkServer.start();
    byHand = ScimClient.builder(target.baseUrl()).bearerToken(target.token()).build();
    proxy = new WireMockServer(wireMockConfig().dynamicPort());
    proxy.start();
  }

  @AfterAll
  static void stopTarget() {
    proxy.stop();
    byHand.close();
    target.close();
  }

  @BeforeEach
  void start() {
    target.reset();
    proxy.resetAll();
    String origin = target.baseUrl().toString().replaceFirst("/scim/v2/?$", "");
    proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(origin)));
    worker =
        new Worker(
            stores,
            new NoJobQueue(),
            new FleetMetrics(registry),
            clock,
            2,
            TestSecurity.settings());
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void betweenFullReadsAHandEditIsFoundByTheLastModifiedFilterAndRepaired() throws Exception {
    provisionedAt(target.baseUrl().toString());
    FullSyncRun first = lastPhase(false);
    assertThat(first.counts().repaired()).isZero();
    assertThat(marks().lastFullCheck()).isEqualTo(clock.instant());
    byHand.patch(
        "Users",
        remoteId("u1"),
        PatchRequest.builder().replace("displayName", "Mallory").build(),
        null);
    clock.advance(Duration.ofHours(1));
    target.resetCounts();

    FullSyncRun second = lastPhase(false);

    assertThat(user("u1").path("displayName").asText()).isEqualTo("User u1");
    assertThat(second.counts().repaired()).isEqualTo(1);
    assertThat(marks().incremental()).isEqualTo(DriftMarks.Incremental.FILTER);
    assertThat(marks().lastIncrementalCheck()).isEqualTo(clock.instant());
    assertThat(marks().lastFullCheck()).isBefore(clock.instant());
    assertThat(gauge(FleetMetrics.DRIFT_INCREMENTAL_CHECK))
        .isEqualTo((double) clock.instant().getEpochSecond());
    assertThat(gauge(FleetMetrics.DRIFT_FULL_CHECK))
        .isEqualTo((double) marks().lastFullCheck().getEpochSecond());
    assertThat(target.getQueries())
        .as("no listing of the whole target")
        .noneMatch(IncrementalDriftCheckTest::fullListing)
        .anyMatch(q -> q.startsWith("Users?") && q.contains("filter=meta.lastModified gt"));

    clock.advance(Duration.ofMinutes(30));
    target.resetCounts();
    FullSyncRun third = lastPhase(false);
    assertThat(third.counts().repaired()).isZero();
    assertThat(target.writeRequestCount()).isZero();
    assertThat(target.requestCount("GET"))
        .as("per type: how many there are, and the filtered listing")
        .isEqualTo(4);
  }

  @Test
  void aUserDeletedByHandChangesTheCountAndIsRecreatedBetweenFullReads() throws Exception {
    provisionedAt(target.baseUrl().toString());
    lastPhase(false);
    String before = remoteId("u2");
    byHand.delete("Users", before, null);
    clock.advance(Duration.ofHours(1));

    FullSyncRun run = lastPhase(false);

    assertThat(remoteId("u2")).isNotEqualTo(before);
    assertThat(target.userNamed("u2")).isPresent();
    assertThat(run.counts().repaired()).as("the user, and its group").isEqualTo(2);
    assertThat(marks().lastIncrementalCheck()).isEqualTo(clock.instant());
  }

  @Test
  void theDriftCheckCronDecidesFullReadOrIncrementalCheck() throws Exception {
    provisionedAt(target.baseUrl().toString());
    lastPhase(false); // 00:00: the first check reads in full
    Instant firstFull = marks().lastFullCheck();

    clock.advance(Duration.ofHours(2)); // 02:00: before 03:00
    target.resetCounts();
    lastPhase(false);
    assertThat(marks().lastFullCheck()).isEqualTo(firstFull);
    assertThat(target.getQueries()).noneMatch(IncrementalDriftCheckTest::fullListing);

    clock.advance(Duration.ofHours(2)); // 04:00: 03:00 has passed
    target.resetCounts();
    lastPhase(false);
    assertThat(marks().lastFullCheck()).isEqualTo(clock.instant());
    assertThat(target.getQueries()).filteredOn(IncrementalDriftCheckTest::fullListing).hasSize(2);
  }

  @Test
  void aForcedSyncOrAFullReadAskedForReadsTheWholeTarget() throws Exception {
    provisionedAt(target.baseUrl().toString());
    lastPhase(false);
    byHand.delete("Users", remoteId("u3"), null);
    byHand.create(
        "Users",
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"stranger\"}"));

    clock.advance(Duration.ofMinutes(10));
    target.resetCounts();
    FullSyncRun forced = lastPhase(true);
    assertThat(target.getQueries()).filteredOn(IncrementalDriftCheckTest::fullListing).hasSize(2);
    assertThat(forced.counts().repaired()).as("u3, in no group").isEqualTo(1);
    assertThat(forced.counts().unmanaged()).isEqualTo(1);
    assertThat(marks().lastFullCheck()).isEqualTo(clock.instant());

    clock.advance(Duration.ofMinutes(10));
    stores.syncState().requestFullDriftCheck("crm", clock.instant());
    clock.advance(Duration.ofSeconds(1));
    target.resetCounts();
    lastPhase(false);
    assertThat(target.getQueries()).filteredOn(IncrementalDriftCheckTest::fullListing).hasSize(2);
    assertThat(marks().fullRequested()).isFalse();

    clock.advance(Duration.ofMinutes(10));
    target.resetCounts();
    lastPhase(false);
    assertThat(target.getQueries()).noneMatch(IncrementalDriftCheckTest::fullListing);
  }

  @Test
  void onATargetThatNeitherFiltersNorSortsAHandEditWaitsForTheFullReadOnTheCron() throws Exception {
    proxy.stubFor(
        get(urlPathEqualTo("/scim/v2/ServiceProviderConfig"))
            .atPriority(1)
            .willReturn(scim(200, NO_FILTER_CONFIG)));
    provisionedAt(proxy.baseUrl() + "/scim/v2");
    lastPhase(false); // 00:00: the first check reads in full
    byHand.patch(
        "Users",
        remoteId("u1"),
        PatchRequest.builder().replace("displayName", "Mallory").build(),
        null);
    clock.advance(Duration.ofHours(1)); // 01:00: before 03:00
    target.resetCounts();

    FullSyncRun between = lastPhase(false);

    assertThat(marks().incremental()).isEqualTo(DriftMarks.Incremental.LISTING);
    assertThat(marks().lastIncrementalCheck()).isEqualTo(clock.instant());
    assertThat(between.counts().repaired()).isZero();
    assertThat(user("u1").path("displayName").asText()).isEqualTo("Mallory");
    assertThat(target.getQueries())
        .as("per type, only how many there are: the numbers agree")
        .hasSize(2)
        .allMatch(IncrementalDriftCheckTest::count);

    clock.advance(Duration.ofHours(3)); // 04:00: 03:00 has passed
    FullSyncRun onTheCron = lastPhase(false);

    assertThat(onTheCron.counts().repaired()).isEqualTo(1);
    assertThat(user("u1").path("displayName").asText()).isEqualTo("User u1");
    assertThat(marks().lastFullCheck()).isEqualTo(clock.instant());
  }

  @Test
  void onATargetThatNeitherFiltersNorSortsAHandDeletionChangesTheCountAndIsListed()
      throws Exception {
    proxy.stubFor(
        get(urlPathEqualTo("/scim/v2/ServiceProviderConfig"))
            .atPriority(1)
            .willReturn(scim(200, NO_FILTER_CONFIG)));
    provisionedAt(proxy.baseUrl() + "/scim/v2");
    lastPhase(false);
    byHand.patch(
        "Users",
        remoteId("u1"),
        PatchRequest.builder().replace("displayName", "Mallory").build(),
        null);
    clock.advance(Duration.ofHours(1));
    assertThat(lastPhase(false).counts().repaired()).as("the numbers agree").isZero();
    String before = remoteId("u2");
    byHand.delete("Users", before, null);
    clock.advance(Duration.ofMinutes(30));
    target.resetCounts();

    FullSyncRun run = lastPhase(false);

    assertThat(remoteId("u2")).isNotEqualTo(before);
    assertThat(target.userNamed("u2")).isPresent();
    assertThat(user("u1").path("displayName").asText())
        .as("changed since the last listing: read by id with the deletion")
        .isEqualTo("User u1");
    assertThat(run.counts().repaired()).as("u2, its group, and u1").isEqualTo(3);
    assertThat(target.getQueries())
        .noneMatch(q -> q.contains("filter="))
        .noneMatch(IncrementalDriftCheckTest::fullListing)
        .anyMatch(q -> q.startsWith("Users?") && q.contains("attributes=id,meta") && !count(q));
  }

  @Test
  void aTargetThatAnnouncesFilteringButIgnoresTheFilterIsNotTrustedWithIt() throws Exception {
    provisionedAt(proxy.baseUrl() + "/scim/v2");
    // every lastModified filter answered with a user, as a target that drops the filter would
    String anyUser = target.users().get(0).toString();
    proxy.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .withQueryParam("filter", matching("meta\\.lastModified gt .*"))
            .atPriority(1)
            .willReturn(
                scim(
                    200,
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
                        + "\"totalResults\":3,\"startIndex\":1,\"itemsPerPage\":1,"
                        + "\"Resources\":["
                        + anyUser
                        + "]}")));
    lastPhase(false);
    assertThat(marks().incremental())
        .as("found out after the first full read")
        .isEqualTo(DriftMarks.Incremental.LISTING);
    byHand.patch(
        "Users",
        remoteId("u2"),
        PatchRequest.builder().replace("displayName", "Mallory").build(),
        null);
    clock.advance(Duration.ofHours(1));
    proxy.resetRequests();

    FullSyncRun between = lastPhase(false);

    assertThat(marks().incremental()).isEqualTo(DriftMarks.Incremental.LISTING);
    assertThat(proxy.findAll(getRequestedFor(urlPathEqualTo("/scim/v2/Users"))))
        .as("the filter is not used, and the numbers agree")
        .hasSize(1)
        .noneMatch(request -> request.getUrl().contains("filter="));
    assertThat(between.counts().repaired()).isZero();

    clock.advance(Duration.ofMinutes(10));
    stores.syncState().requestFullDriftCheck("crm", clock.instant());
    clock.advance(Duration.ofSeconds(1));
    FullSyncRun asked = lastPhase(false);

    assertThat(user("u2").path("displayName").asText()).isEqualTo("User u2");
    assertThat(asked.counts().repaired()).isEqualTo(1);
  }

  /** A listing of the whole endpoint with more than id and meta: what a full read asks. */
  private static boolean fullListing(String query) {
    return !query.contains("filter=")
        && !count(query)
        && !query.contains("attributes=id,meta")
        && query.contains("?");
  }

  /** How many objects there are: one shown. */
  private static boolean count(String query) {
    return query.contains("count=1&") || query.endsWith("count=1");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder scim(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(body);
  }

  /** The provider at {@code baseUrl}; three users and a group of two, synced. */
  private void provisionedAt(String baseUrl) throws Exception {
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(baseUrl)
                .withCredential(Credential.inline(target.token()))
                .withDriftCheckCron("0 3 * * *")
                .build());
    for (String id : List.of("u1", "u2", "u3"))
      stores.directory().putUser(aUser(id).named("User " + id).withUsername(id).build());
    stores.directory().putGroup(aGroup("g1").named("staff").build(), List.of("u1", "u2"));
    for (String id : List.of("u1", "u2", "u3")) sync(ObjectType.USER, id);
    sync(ObjectType.GROUP, "g1");
  }

  private void sync(ObjectType type, String id) throws Exception {
    CrmDriftSteps.sync(worker, type, id);
  }

  /** A run's clean-up phase (with its drift check), the run started a second before. */
  private FullSyncRun lastPhase(boolean force) throws Exception {
    return CrmDriftSteps.cleanUp(worker, stores, clock.instant(), "r" + ++runs, force);
  }

  private double gauge(String name) {
    return registry.get(name).tag("provider", "crm").gauge().value();
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
