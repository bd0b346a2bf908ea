package io.scimfleet.worker.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.job.ProbeRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.store.Stores;
import io.scimfleet.target.TargetPolicy;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.pipeline.ProviderContexts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Targets that lie in their ServiceProviderConfig, scripted with WireMock: the probe reports what
 * they really do, recommends the matching profile switches, and removes its scratch objects even
 * when a step fails.
 */
class LyingTargetProbeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME = "scimfleet-probe-fixed";
  private static final String DISPLAY = "scimfleet probe fixed";

  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Stores stores = Stores.inMemory();
  private ProviderContexts contexts;
  private TargetProbe probe;

  @BeforeEach
  void start() {
    contexts =
        new ProviderContexts(
            stores.providers(),
            new FleetMetrics(new SimpleMeterRegistry()),
            RateLimiter.local(),
            TestSecurity.settings(),
            stores.directory());
    stores.providers().put(aProvider("liar").at(target.baseUrl() + "/scim/v2").build());
    probe = new TargetProbe(contexts, stores.probes(), Clock.systemUTC(), () -> "fixed");
    target.stubFor(
        get(urlPathEqualTo("/scim/v2/ServiceProviderConfig"))
            .willReturn(
                json(
                    "{\"patch\":{\"supported\":true},\"bulk\":{\"supported\":false},"
                        + "\"etag\":{\"supported\":false},\"filter\":{\"supported\":true,"
                        + "\"maxResults\":100}}")));
    target.stubFor(post(urlPathEqualTo("/scim/v2/Users")).willReturn(json(201, user(DISPLAY))));
    target.stubFor(post(urlPathEqualTo("/scim/v2/Groups")).willReturn(json(201, group("[]"))));
    target.stubFor(
        delete(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(aResponse().withStatus(204)));
    target.stubFor(
        delete(urlPathEqualTo("/scim/v2/Groups/g1")).willReturn(aResponse().withStatus(204)));
    target.stubFor(
        patch(urlPathEqualTo("/scim/v2/Groups/g1")).willReturn(aResponse().withStatus(204)));
  }

  @AfterEach
  void stop() {
    contexts.close();
  }

  @Test
  void googleLikeRefusesPutFiltersToNothingAndHidesMembers() {
    target.stubFor(
        patch(urlPathEqualTo("/scim/v2/Users/u1"))
            .willReturn(json(200, user(DISPLAY + " patched"))));
    target.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(json(200, user(DISPLAY + " patched"))));
    target.stubFor(
        put(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(aResponse().withStatus(404)));
    target.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(json(200, list())));
    target.stubFor(get(urlPathEqualTo("/scim/v2/Groups/g1")).willReturn(json(200, group("[]"))));

    JsonNode report = run();

    assertThat(works(report))
        .containsExactly(
            "userCreate=true",
            "userPatch=true",
            "userPut=false",
            "filterUserName=false",
            "filterExternalId=false",
            "etag=false",
            "bulk=false",
            "groupCreate=true",
            "groupMemberPatch=true",
            "groupMembersOnGet=false");
    assertThat(detail(report, "filterUserName")).contains("2xx with 0 results");
    assertThat(detail(report, "userPut")).contains("404");
    assertThat(report.path("switches"))
        .isEqualTo(
            tree(
                "{\"userUpdate\":\"patch\",\"filters\":[],\"groupsReturnMembers\":false,"
                    + "\"bulk\":\"off\"}"));
    assertThat(report.path("scratch").path("userName").asText()).isEqualTo(NAME);
    assertRemoved(report);
  }

  @Test
  void awsLikeAnnouncesPatchButRefusesItAndFiltersOnlyByUserName() {
    target.stubFor(
        patch(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(aResponse().withStatus(501)));
    target.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(json(200, user(DISPLAY + " put"))));
    target.stubFor(
        put(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(json(200, user(DISPLAY + " put"))));
    target.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .withQueryParam("filter", equalTo("userName eq \"" + NAME + "\""))
            .willReturn(json(200, list(user(DISPLAY)))));
    target.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .withQueryParam("filter", equalTo("externalId eq \"" + NAME + "\""))
            .willReturn(json(200, list())));
    target.stubFor(
        get(urlPathEqualTo("/scim/v2/Groups/g1"))
            .willReturn(json(200, group("[{\"value\":\"u1\"}]"))));

    JsonNode report = run();

    assertThat(works(report))
        .contains(
            "userPatch=false",
            "userPut=true",
            "filterUserName=true",
            "filterExternalId=false",
            "groupMembersOnGet=true");
    assertThat(report.path("switches"))
        .isEqualTo(tree("{\"userUpdate\":\"put\",\"filters\":[\"userName\"],\"bulk\":\"off\"}"));
    assertRemoved(report);
  }

  @Test
  void theScratchUserIsRemovedWhenTheGroupCannotBeCreated() {
    target.stubFor(post(urlPathEqualTo("/scim/v2/Groups")).willReturn(aResponse().withStatus(500)));
    target.stubFor(get(urlPathEqualTo("/scim/v2/Users/u1")).willReturn(json(200, user(DISPLAY))));
    target.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(json(200, list())));

    JsonNode report = run();

    assertThat(works(report)).contains("groupCreate=false");
    assertThat(report.path("checks").toString()).contains("\"tried\":false");
    assertThat(report.path("switches").has("groupsReturnMembers"))
        .as("not seen, not advised")
        .isFalse();
    target.verify(1, deleteRequestedFor(urlPathEqualTo("/scim/v2/Users/u1")));
    assertThat(report.path("cleanup")).hasSize(1);
    assertThat(report.path("cleanup").get(0).path("removed").asBoolean()).isTrue();
  }

  @Test
  void aTargetTheWorkersPolicyRefusesIsNotProbedAndTheReportSaysWhy() {
    SecuritySettings denyLoopback =
        new SecuritySettings(
            TestSecurity.settings().secrets(),
            TargetPolicy.fromEnv(Map.of("SCIM_TARGET_DENY", "127.0.0.0/8")),
            null);
    try (ProviderContexts strict =
        new ProviderContexts(
            stores.providers(),
            new FleetMetrics(new SimpleMeterRegistry()),
            RateLimiter.local(),
            denyLoopback,
            stores.directory())) {
      new TargetProbe(strict, stores.probes(), Clock.systemUTC(), () -> "fixed")
          .run(new ProbeRequest("liar", "p2"));
    }

    JsonNode report = tree(stores.probes().get("liar", "p2").orElseThrow());
    assertThat(report.path("error").asText()).contains("liar").contains("127.0.0.1");
    assertThat(report.has("checks")).isFalse();
    assertThat(target.getAllServeEvents()).as("nothing sent").isEmpty();
  }

  private JsonNode run() {
    probe.run(new ProbeRequest("liar", "p1"));
    return tree(stores.probes().get("liar", "p1").orElseThrow());
  }

  private static void assertRemoved(JsonNode report) {
    target.verify(1, deleteRequestedFor(urlPathEqualTo("/scim/v2/Users/u1")));
    target.verify(1, deleteRequestedFor(urlPathEqualTo("/scim/v2/Groups/g1")));
    assertThat(report.path("cleanup").findValuesAsText("removed")).containsExactly("true", "true");
  }

  private static List<String> works(JsonNode report) {
    List<String> seen = new ArrayList<>();
    report
        .path("checks")
        .forEach(c -> seen.add(c.path("name").asText() + "=" + c.path("works").asBoolean()));
    return seen;
  }

  private static String detail(JsonNode report, String check) {
    for (JsonNode c : report.path("checks"))
      if (c.path("name").asText().equals(check)) return c.path("detail").asText();
    throw new AssertionError("no check " + check + " in " + report);
  }

  private static String user(String displayName) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"u1\","
        + "\"userName\":\""
        + NAME
        + "\",\"externalId\":\""
        + NAME
        + "\",\"displayName\":\""
        + displayName
        + "\"}";
  }

  private static String group(String members) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"id\":\"g1\","
        + "\"displayName\":\""
        + DISPLAY
        + "\",\"members\":"
        + members
        + "}";
  }

  private static String list(String... resources) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
        + "\"totalResults\":"
        + resources.length
        + ",\"startIndex\":1,\"itemsPerPage\":"
        + resources.length
        + ",\"Resources\":["
        + String.join(",", resources)
        + "]}";
  }

  private static ResponseDefinitionBuilder json(String body) {
    return json(200, body);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(body);
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
