package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import io.scimfleet.worker.pipeline.SyncResult;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A target that announces Bulk but fails a Bulk request, as a whole or per operation (WireMock
 * plays it).
 */
class BulkFallbackTest {
  private static final String BASE = "/scim/v2";

  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Stores stores = Stores.inMemory();
  private final FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
  private ProviderContexts contexts;
  private PageRunner runner;

  @BeforeEach
  void start() {
    target.stubFor(
        get(urlPathEqualTo(BASE + "/ServiceProviderConfig"))
            .willReturn(
                scim(
                    200,
                    """
        {"patch":{"supported":true},"bulk":{"supported":true,"maxOperations":10,"maxPayloadSize":1048576},
         "filter":{"supported":true,"maxResults":100},"etag":{"supported":false}}""")));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes")).willReturn(aResponse().withStatus(404)));
    // after a Bulk answer that may hide creates (5xx, garbled), the single path looks first
    target.stubFor(
        get(urlPathEqualTo(BASE + "/Users"))
            .willReturn(
                scim(
                    200,
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
                        + "\"totalResults\":0,\"Resources\":[]}")));
    for (String name : List.of("a1", "a2", "a3", "a4")) {
      stores.directory().putUser(aUser(name).build());
      target.stubFor(
          post(urlPathEqualTo(BASE + "/Users"))
              .withRequestBody(containing("\"userName\":\"" + name + "\""))
              .willReturn(scim(201, "{\"id\":\"r-" + name + "\",\"userName\":\"" + name + "\"}")));
    }
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl() + BASE)
                .withCredential(Credential.inline("t0ken"))
                .build());
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

  @ParameterizedTest
  @ValueSource(ints = {413, 500, 501})
  void aBulkRequestRefusedAsAWholeFallsBackToSingleRequests(int status) {
    target.stubFor(
        post(urlPathEqualTo(BASE + "/Bulk")).willReturn(scim(status, "{\"detail\":\"no\"}")));

    List<SyncResult> results = page("a1", "a2", "a3");

    assertThat(results).extracting(SyncResult::outcome).containsOnly(SyncOutcome.CREATED);
    assertThat(target.findAll(postRequestedFor(urlPathEqualTo(BASE + "/Bulk")))).hasSize(1);
    assertThat(target.findAll(postRequestedFor(urlPathEqualTo(BASE + "/Users")))).hasSize(3);
    assertThat(remoteId("a2")).isEqualTo("r-a2");
  }

  @Test
  void aMalformedBulkResponseFallsBackToSingleRequests() {
    target.stubFor(post(urlPathEqualTo(BASE + "/Bulk")).willReturn(scim(200, "<html>busy</html>")));

    List<SyncResult> results = page("a1", "a2");

    assertThat(results).extracting(SyncResult::outcome).containsOnly(SyncOutcome.CREATED);
    assertThat(target.findAll(postRequestedFor(urlPathEqualTo(BASE + "/Users")))).hasSize(2);
  }

  @Test
  void aTargetThatDoesNotImplementBulkGetsSingleRequestsFromThenOn() {
    target.stubFor(
        post(urlPathEqualTo(BASE + "/Bulk"))
            .willReturn(scim(501, "{\"detail\":\"not implemented\"}")));
    page("a1", "a2");

    page("a3", "a4");

    assertThat(target.findAll(postRequestedFor(urlPathEqualTo(BASE + "/Bulk")))).hasSize(1);
    assertThat(target.findAll(postRequestedFor(urlPathEqualTo(BASE + "/Users")))).hasSize(4);
  }

  @Test
  void eachOperationsResultIsRecordedForItsObject() {
    target.stubFor(
        post(urlPathEqualTo(BASE + "/Bulk"))
            .willReturn(
                scim(
                    200,
                    """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],"Operations":[
          {"method":"POST","bulkId":"o0","location":"%s/Users/r-a1","status":"201"},
          {"method":"POST","bulkId":"o1","status":"400","response":{"status":"400","scimType":"invalidValue","detail":"title too long"}},
          {"method":"POST","bulkId":"o2","status":"503","response":{"status":"503","detail":"try later"}}]}
        """
                        .formatted(target.baseUrl() + BASE))));

    List<SyncResult> results = page("a1", "a2", "a3");

    assertThat(results)
        .extracting(SyncResult::outcome)
        .containsExactly(SyncOutcome.CREATED, SyncOutcome.FAILED, SyncOutcome.CREATED);
    assertThat(results.get(1).error()).contains("400").contains("title too long");
    assertThat(remoteId("a1")).isEqualTo("r-a1");
    assertThat(stores.syncState().get("crm", ObjectType.USER, "a2").orElseThrow().outcome())
        .isEqualTo(SyncOutcome.FAILED);
    assertThat(remoteId("a3")).as("the transient one, sent again on its own").isEqualTo("r-a3");
    assertThat(target.findAll(postRequestedFor(urlPathEqualTo(BASE + "/Users")))).hasSize(1);
  }

  private String remoteId(String id) {
    return stores.syncState().get("crm", ObjectType.USER, id).orElseThrow().remoteId();
  }

  private List<SyncResult> page(String... userIds) {
    List<String> ids = List.of(userIds);
    return runner.run(CrmUserPages.of(contexts, stores, ids));
  }

  private static ResponseDefinitionBuilder scim(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(body);
  }
}
