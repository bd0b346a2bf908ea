package io.scimfleet.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.scim.ScimWireMock.BASE;
import static io.scimfleet.scim.ScimWireMock.TOKEN;
import static io.scimfleet.scim.ScimWireMock.listOf;
import static io.scimfleet.scim.ScimWireMock.scimJson;
import static io.scimfleet.scim.ScimWireMock.user;
import static io.scimfleet.testing.ScimResources.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.scimfleet.Version;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the client sends, and what it keeps of what it gets: scripted target, inspected requests.
 */
class ScimClientWireFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().gzipDisabled(true))
          .build();

  private ScimClient client;

  @BeforeEach
  void client() {
    client = ScimWireMock.clientFor(wireMock.getRuntimeInfo()).build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void theRequestGateIsAskedBeforeEveryRequestAndSeesNoRequestItHasNotLetThrough() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Users/1"))
            .willReturn(scimJson(200, user("1", "ada").toString())));
    List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ScimClient gated =
        ScimWireMock.clientFor(wireMock.getRuntimeInfo())
            .requestGate(
                (method, endpoint) -> {
                  assertThat(wireMock.getAllServeEvents()).hasSize(asked.size());
                  asked.add(method + " " + endpoint);
                })
            .build()) {
      gated.get("Users", "1");
      gated.get("Users", "1");
    }
    assertThat(asked).containsExactly("GET Users", "GET Users");
  }

  @Test
  void bulkEachRequestOnItsOwnGoesOnPastARequestThatFailsAsAWhole() throws Exception {
    ScimWireMock.discovery(wireMock, false, 100, false, 2);
    wireMock.stubFor(
        post(urlPathEqualTo(BASE + "/Bulk"))
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"b1\""))
            .willReturn(
                scimJson(
                    200,
                    """
            {"Operations":[{"method":"POST","bulkId":"b1","status":"201","location":"/Users/R-1"},
                           {"method":"POST","bulkId":"b2","status":"201","location":"/Users/R-2"}]}""")));
    wireMock.stubFor(
        post(urlPathEqualTo(BASE + "/Bulk"))
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"b3\""))
            .willReturn(scimJson(413, "{\"detail\":\"too large\"}")));
    List<BulkOperation> operations =
        IntStream.rangeClosed(1, 3)
            .mapToObj(i -> BulkOperation.create("Users", "b" + i, aUser("u" + i)))
            .toList();

    List<BulkResult> results = client.bulkEachRequestOnItsOwn(operations);

    assertThat(results).extracting(BulkResult::id).containsExactly("R-1", "R-2", null);
    assertThat(results.get(2).status()).isEqualTo(-1);
    assertThat(results.get(2).error().status()).isEqualTo(413);
    assertThatThrownBy(() -> client.bulk(operations)).isInstanceOf(ScimException.class);
    JsonNode sent =
        JSON.readTree(
            wireMock
                .findAll(postRequestedFor(urlPathEqualTo(BASE + "/Bulk")))
                .get(0)
                .getBodyAsString());
    assertThat(sent.path("Operations").get(0)).isEqualTo(operations.get(0).toJson());
  }

  @Test
  void bulkAnswersAreReadInEveryShapeTargetsSendWithoutBuildingTheResourcesTheyCarry() {
    ScimWireMock.discovery(wireMock, false, 100, false, 100);
    wireMock.stubFor(
        post(urlPathEqualTo(BASE + "/Bulk"))
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"b1\""))
            .willReturn(
                scimJson(
                    200,
                    """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],
             "Operations":[
              {"method":"POST","bulkId":"b2","status":{"code":201},"location":"/Users/L-2",
               "response":{"meta":{"location":"/Users/X"},"id":"R-2",
                           "emails":[{"value":"a@example.org"}],"name":{"givenName":"Ada"}}},
              {"method":"POST","bulkId":"b1","status":201,"location":"/Users/R-1/",
               "version":"W/\\"1\\"","extra":{"nested":[1,{"id":"not this"}]}},
              {"method":"POST","bulkId":"b3","status":"201 Created",
               "location":"https://target.example/scim/v2/Users/R-3","response":null},
              {"method":"PUT","status":"200","location":"/Users/R-9","version":"W/\\"7\\"",
               "response":{"id":"R-9","groups":[{"value":"g","id":"inner"}]}}]}""")));
    wireMock.stubFor(
        post(urlPathEqualTo(BASE + "/Bulk"))
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"b4\""))
            .willReturn(
                scimJson(
                    200,
                    """
            {"Operations":[
              {"method":"POST","bulkId":"b5","status":"201","location":"/Users/R-5",
               "response":{"id":"R-5"}},
              {"method":"POST","bulkId":"b4","status":"409",
               "response":{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],
                           "status":"409","scimType":"uniqueness","detail":"userName taken"}}]}""")));
    List<BulkOperation> first =
        List.of(
            BulkOperation.create("Users", "b1", aUser("u1")),
            BulkOperation.create("Users", "b2", aUser("u2")),
            BulkOperation.create("Users", "b3", aUser("u3")),
            BulkOperation.replace("Users", "R-9", aUser("u9")));

    List<BulkResult> results = client.bulk(first);

    assertThat(results).extracting(BulkResult::id).containsExactly("R-1", "R-2", "R-3", "R-9");
    assertThat(results).extracting(BulkResult::status).containsExactly(201, 201, 201, 200);
    assertThat(results).extracting(BulkResult::error).containsOnlyNulls();
    assertThat(results)
        .extracting(BulkResult::version)
        .containsExactly("W/\"1\"", null, null, "W/\"7\"");
    assertThat(results.get(1).location()).isEqualTo("/Users/L-2");

    List<BulkResult> mixed =
        client.bulk(
            List.of(
                BulkOperation.create("Users", "b4", aUser("u4")),
                BulkOperation.create("Users", "b5", aUser("u5"))));

    assertThat(mixed.get(0).error()).isInstanceOf(ConflictException.class);
    assertThat(mixed.get(0).error().getMessage()).contains("userName taken");
    assertThat(mixed.get(1).id()).isEqualTo("R-5");
    assertThat(mixed.get(1).error()).isNull();
  }

  @Test
  void everyRequestCarriesTheScimHeadersAndBooleansStayBooleans() {
    wireMock.stubFor(
        post(urlPathEqualTo(BASE + "/Users")).willReturn(scimJson(201, user("1", "alice"))));

    client.create("Users", aUser("alice"));

    wireMock.verify(
        postRequestedFor(urlPathEqualTo(BASE + "/Users"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Accept", equalTo("application/scim+json"))
            .withHeader("Content-Type", equalTo("application/scim+json; charset=UTF-8"))
            .withHeader("User-Agent", equalTo(Version.userAgent()))
            .withRequestBody(equalToJson("{\"userName\":\"alice\",\"active\":true}", true, true)));
  }

  @Test
  void numericIdIsReadAsTextAndUnknownAttributesAreKept() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Users/42"))
            .willReturn(
                scimJson(
                    200,
                    "{\"id\":42,\"userName\":\"n\",\"x-vendor\":{\"seat\":7},\"meta\":{\"version\":\"W/\\\"3\\\"\"}}")));

    ScimResource user = client.get("Users", "42");

    assertThat(user.id()).isEqualTo("42");
    assertThat(user.json().path("x-vendor").path("seat").asInt()).isEqualTo(7);
    assertThat(user.version()).contains("W/\"3\"");
  }

  @Test
  void groupsCanBeReadAndSearchedWithoutTheirMembers() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Groups/7"))
            .willReturn(scimJson(200, "{\"id\":\"7\",\"displayName\":\"g\"}")));
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Groups"))
            .willReturn(scimJson(200, "{\"totalResults\":0,\"Resources\":[]}")));

    client.get("Groups", "7", List.of("members"));
    client.search(
        "Groups",
        SearchRequest.of(Filter.eq("displayName", "g")).withExcludedAttributes(List.of("members")));
    client.get("Groups", "7", List.of());

    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> reads =
        wireMock.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathMatching(BASE + "/Groups.*")));
    assertThat(reads)
        .extracting(com.github.tomakehurst.wiremock.verification.LoggedRequest::getUrl)
        .containsExactly(
            BASE + "/Groups/7?excludedAttributes=members",
            BASE + "/Groups?filter=displayName%20eq%20%22g%22&excludedAttributes=members",
            BASE + "/Groups/7");
  }

  @Test
  void versionFallsBackToTheEtagHeader() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Users/1"))
            .willReturn(scimJson(200, user("1", "a")).withHeader("ETag", "W/\"abc\"")));

    assertThat(client.get("Users", "1").version()).contains("W/\"abc\"");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void ifMatchIsSentOnlyWhenTheTargetSupportsEtags(boolean etag) {
    ScimWireMock.discovery(wireMock, etag, 100, false, 0);
    wireMock.stubFor(
        put(urlPathEqualTo(BASE + "/Users/1")).willReturn(scimJson(200, user("1", "a"))));

    client.replace("Users", "1", aUser("a"), "W/\"v1\"");

    wireMock.verify(
        putRequestedFor(urlPathEqualTo(BASE + "/Users/1"))
            .withHeader("If-Match", etag ? equalTo("W/\"v1\"") : absent()));
  }

  @Test
  void staleIfMatchIsAPreconditionFailure() {
    ScimWireMock.discovery(wireMock, true, 100, false, 0);
    wireMock.stubFor(
        patch(urlPathEqualTo(BASE + "/Users/1"))
            .willReturn(scimJson(412, "{\"detail\":\"version mismatch\"}")));

    assertThatThrownBy(
            () ->
                client.patch(
                    "Users",
                    "1",
                    PatchRequest.builder().replace("active", false).build(),
                    "W/\"old\""))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessage("PATCH /Users/1 -> 412: version mismatch");
  }

  @Test
  void patchAnsweredWith204IsEmpty() {
    wireMock.stubFor(
        patch(urlPathEqualTo(BASE + "/Groups/g")).willReturn(aResponse().withStatus(204)));

    assertThat(
            client.patch(
                "Groups", "g", PatchRequest.builder().replace("displayName", "x").build(), null))
        .isEmpty();
  }

  @Test
  void memberChangesAreSentInChunksOfAHundredAndRemovalsNeverCarryAValueList() throws Exception {
    wireMock.stubFor(
        patch(urlPathEqualTo(BASE + "/Groups/g")).willReturn(aResponse().withStatus(204)));
    List<String> add = IntStream.range(0, 150).mapToObj(i -> "add-" + i).toList();
    List<String> remove = IntStream.range(0, 100).mapToObj(i -> "rm-" + i).toList();

    for (PatchRequest request : PatchRequest.memberChanges(add, remove, 0))
      client.patch("Groups", "g", request, null);

    List<LoggedRequest> sent =
        wireMock.findAll(patchRequestedFor(urlPathEqualTo(BASE + "/Groups/g")));
    assertThat(sent).hasSize(3);
    for (LoggedRequest request : sent) {
      JsonNode body = JSON.readTree(request.getBodyAsString());
      assertThat(body.path("schemas").get(0).asText()).isEqualTo(PatchRequest.SCHEMA);
      body.path("Operations")
          .forEach(
              op -> {
                if (op.path("op").asText().equals("remove")) {
                  assertThat(op.has("value")).isFalse();
                  assertThat(op.path("path").asText()).matches("members\\[value eq \"rm-\\d+\"]");
                }
              });
    }
  }

  @Test
  void startIndexPagingIgnoresATotalResultsThatEqualsThePageSize() {
    ScimWireMock.discovery(wireMock, false, 2, false, 0);
    stubPage("startIndex", "1", listOf(2, null, user("1", "a"), user("2", "b")));
    stubPage("startIndex", "3", listOf(2, null, user("3", "c"), user("4", "d")));
    stubPage("startIndex", "5", listOf(2, null, user("5", "e")));

    List<String> ids =
        client.searchAll("Users", Filter.pr("userName")).map(ScimResource::id).toList();

    assertThat(ids).containsExactly("1", "2", "3", "4", "5");
    wireMock.verify(3, getRequestedFor(urlPathEqualTo(BASE + "/Users")));
  }

  @Test
  void startIndexPagesAreAskedForSideBySideAndHandedOutInOrder() {
    ScimWireMock.discovery(wireMock, false, 2, false, 0);
    for (int page = 0; page < 6; page++) {
      wireMock.stubFor(
          get(urlPathEqualTo(BASE + "/Users"))
              .withQueryParam("startIndex", equalTo(String.valueOf(1 + 2 * page)))
              .willReturn(
                  scimJson(
                          200,
                          listOf(
                              11,
                              null,
                              user(String.valueOf(1 + 2 * page), "a" + page),
                              user(String.valueOf(2 + 2 * page), "b" + page)))
                      .withFixedDelay(300)));
    }
    stubPage("startIndex", "13", listOf(11, null, user("13", "c")));

    List<String> ids = client.searchAll("Users", null).map(ScimResource::id).toList();

    assertThat(ids)
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
    List<Long> starts =
        wireMock.getAllServeEvents().stream()
            .filter(event -> event.getRequest().getUrl().contains("/Users?"))
            .map(event -> event.getRequest().getLoggedDate().toInstant().toEpochMilli())
            .sorted()
            .toList();
    assertThat(starts.size()).isGreaterThanOrEqualTo(7);
    boolean sideBySide = false;
    for (int i = 1; i < starts.size(); i++) sideBySide |= starts.get(i) - starts.get(i - 1) < 300;
    assertThat(sideBySide).as("a page asked for while another was still being answered").isTrue();
  }

  @Test
  void aPageThatFailsBeforeTheEndFailsTheListing() {
    ScimWireMock.discovery(wireMock, false, 2, false, 0);
    stubPage("startIndex", "1", listOf(6, null, user("1", "a"), user("2", "b")));
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Users"))
            .withQueryParam("startIndex", equalTo("3"))
            .willReturn(aResponse().withStatus(503)));
    stubPage("startIndex", "5", listOf(6, null, user("5", "e"), user("6", "f")));

    assertThatThrownBy(() -> client.searchAll("Users", null).toList())
        .isInstanceOf(ScimException.class);
  }

  @Test
  void aPageCutBelowTheCountAskedForIsFollowedWhileTotalResultsSaysMoreAreLeft() {
    ScimWireMock.discovery(wireMock, false, 1000, false, 0);
    stubPage("startIndex", "1", listOf(4, null, user("1", "a"), user("2", "b")));
    stubPage("startIndex", "3", listOf(4, null, user("3", "c"), user("4", "d")));

    List<String> ids =
        client.searchAll("Users", null, List.of("id", "meta"), 1000).map(ScimResource::id).toList();

    assertThat(ids).containsExactly("1", "2", "3", "4");
    wireMock.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/Users"))
            .withQueryParam("startIndex", equalTo("3"))
            .withQueryParam("count", equalTo("1000")));
  }

  @Test
  void aSortedSearchSendsSortByAndSortOrder() {
    ScimWireMock.discovery(wireMock, false, 100, false, 0);
    stubPage("sortBy", "meta.lastModified", listOf(1, null, user("1", "a")));

    client.search("Users", SearchRequest.all().withCount(1).sortedBy("meta.lastModified", true));

    wireMock.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/Users"))
            .withQueryParam("sortBy", equalTo("meta.lastModified"))
            .withQueryParam("sortOrder", equalTo("descending")));
  }

  @Test
  void startIndexPagingStopsOnAnEmptyPage() {
    ScimWireMock.discovery(wireMock, false, 2, false, 0);
    stubPage("startIndex", "1", listOf(99, null, user("1", "a"), user("2", "b")));
    stubPage("startIndex", "3", listOf(99, null));

    assertThat(client.searchAll("Users", null).count()).isEqualTo(2);
  }

  @Test
  void cursorPagingFollowsNextCursorUntilItIsGone() {
    ScimWireMock.discovery(wireMock, false, 2, true, 0);
    stubPage("cursor", "", listOf(5, "c2", user("1", "a"), user("2", "b")));
    stubPage("cursor", "c2", listOf(5, "c3", user("3", "c"), user("4", "d")));
    stubPage("cursor", "c3", listOf(5, null, user("5", "e"), user("6", "f")));

    List<String> ids =
        client.searchAll("Users", Filter.eq("active", true)).map(ScimResource::id).toList();

    assertThat(ids).containsExactly("1", "2", "3", "4", "5", "6");
    wireMock.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/Users"))
            .withQueryParam("filter", equalTo("active eq true")));
  }

  @Test
  void filterIsSentEscapedAndEncoded() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Users")).willReturn(scimJson(200, listOf(0, null))));

    client.findOne("Users", Filter.eq("userName", "a\"b c&d"));

    wireMock.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/Users"))
            .withQueryParam("filter", equalTo("userName eq \"a\\\"b c&d\""))
            .withQueryParam("count", equalTo("1")));
  }

  private static void stubPage(String param, String value, String body) {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Users"))
            .withQueryParam(param, equalTo(value))
            .willReturn(scimJson(200, body)));
  }
}
