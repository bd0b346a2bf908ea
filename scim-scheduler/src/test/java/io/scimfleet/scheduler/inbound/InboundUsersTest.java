package io.scimfleet.scheduler.inbound;

import static io.scimfleet.scheduler.inbound.Requests.ENTERPRISE;
import static io.scimfleet.scheduler.inbound.Requests.entraUser;
import static io.scimfleet.scheduler.inbound.Requests.oktaUser;
import static io.scimfleet.scheduler.inbound.Requests.patch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.model.Change;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.store.ChangeFeed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Users through /scim/v2, as Entra ID and Okta drive them, into the fleet's directory. */
class InboundUsersTest {
  private final InboundFixture fixture = InboundFixture.inMemory();
  private final ScimCalls scim = fixture.scim;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void entraCreatesAUserThatIsTheDirectoryUserWithEveryAttributeKept() {
    ScimCalls.Answer created = scim.post("/Users", entraUser("Test_User@contoso.com", "m-1"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("ETag")).startsWith("W/\"");
    DirectoryUser user = fixture.stores.directory().user(created.id()).orElseThrow();
    assertThat(user.username()).isEqualTo("Test_User@contoso.com");
    assertThat(user.name()).isEqualTo("Test User");
    assertThat(user.email()).isEqualTo("Test_User@contoso.com");
    assertThat(user.active()).isTrue();
    assertThat(user.attributes())
        .containsEntry("externalId", "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef")
        .containsEntry("givenName", "Test")
        .containsEntry("familyName", "User")
        .containsEntry("title", "Engineer")
        .containsEntry("employeeNumber", "1701")
        .containsEntry("department", "R&D")
        .containsEntry("costCenter", "C-12")
        .containsEntry("organization", "Contoso")
        .containsEntry("division", "Labs")
        .containsEntry("manager", "m-1");
    assertThat(changes()).contains(Change.user(created.id(), Change.Operation.UPSERT));
  }

  @Test
  void whatWasWrittenReadsBackInScimFormWithMeta() {
    ScimCalls.Answer created = scim.post("/Users", entraUser("ada@contoso.com", "m-1"));

    JsonNode read = scim.get("/Users/" + created.id()).json();

    assertThat(read.path("userName").asText()).isEqualTo("ada@contoso.com");
    assertThat(read.path("externalId").asText()).isEqualTo("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
    assertThat(read.path("name").path("givenName").asText()).isEqualTo("Test");
    assertThat(read.path("emails").get(0).path("type").asText()).isEqualTo("work");
    assertThat(read.path("title").asText()).isEqualTo("Engineer");
    assertThat(read.path(ENTERPRISE).path("department").asText()).isEqualTo("R&D");
    assertThat(read.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo("m-1");
    assertThat(read.path("schemas").toString()).contains(ENTERPRISE);
    JsonNode meta = read.path("meta");
    assertThat(meta.path("resourceType").asText()).isEqualTo("User");
    assertThat(meta.path("created").asText()).isNotEmpty();
    assertThat(meta.path("lastModified").asText()).isNotEmpty();
    assertThat(meta.path("location").asText()).endsWith("/scim/v2/Users/" + created.id());
    assertThat(meta.path("version").asText())
        .isEqualTo(created.json().path("meta").path("version").asText());
  }

  @Test
  void entraLooksUpByUserNameInAnyCaseAndAnEmptyListMeansCreate() {
    String id = scim.post("/Users", entraUser("Test_User@contoso.com", null)).id();

    JsonNode found = scim.get("/Users?filter=" + q("userName eq \"test_user@CONTOSO.com\"")).json();
    JsonNode none = scim.get("/Users?filter=" + q("userName eq \"nobody@contoso.com\"")).json();

    assertThat(found.path("totalResults").asInt()).isEqualTo(1);
    assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(id);
    assertThat(none.path("totalResults").asInt()).isZero();
    assertThat(none.path("Resources").isMissingNode() || none.path("Resources").isEmpty()).isTrue();
  }

  @Test
  void aSecondUserWithTheSameUserNameInOtherCaseIs409UniquenessAndNotStored() {
    scim.post("/Users", entraUser("ada@contoso.com", null));

    ScimCalls.Answer again = scim.post("/Users", entraUser("ADA@contoso.com", null));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("scimType").asText()).isEqualTo("uniqueness");
    assertThat(again.json().path("status").asText()).isEqualTo("409");
    assertThat(fixture.stores.directory().userCount()).isEqualTo(1);
  }

  @Test
  void entraPatchShapesAllLand() {
    String id = scim.post("/Users", entraUser("ada@contoso.com", "m-1")).id();

    ScimCalls.Answer patched =
        scim.patch(
            "/Users/" + id,
            patch(
                "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}",
                "{\"op\":\"Replace\",\"path\":\""
                    + ENTERPRISE
                    + ":department\",\"value\":\"Sales\"}",
                "{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"m-2\"}",
                "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"ada@fabrikam.com\"}",
                "{\"op\":\"Add\",\"value\":{\"nickName\":\"Ada\",\"title\":\"Countess\"}}",
                "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"King\"}"));

    assertThat(patched.status()).isEqualTo(200);
    DirectoryUser user = fixture.stores.directory().user(id).orElseThrow();
    assertThat(user.active()).isFalse();
    assertThat(user.email()).isEqualTo("ada@fabrikam.com");
    assertThat(user.attributes())
        .containsEntry("department", "Sales")
        .containsEntry("manager", "m-2")
        .containsEntry("nickName", "Ada")
        .containsEntry("title", "Countess")
        .containsEntry("familyName", "King")
        .containsEntry("employeeNumber", "1701");
  }

  @Test
  void oktaDeactivatesWithAPathlessPatchAndUpdatesWithAFullPut() {
    String id = scim.post("/Users", oktaUser("isaac@example.com")).id();

    assertThat(
            scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"))
                .status())
        .isEqualTo(200);
    assertThat(fixture.stores.directory().user(id).orElseThrow().active()).isFalse();

    String put =
        oktaUser("isaac@example.com")
            .replace("\"displayName\":\"Isaac Brock\"", "\"displayName\":\"Isaac B.\"")
            .replace("\"active\":true", "\"active\":true,\"id\":\"" + id + "\"");
    assertThat(scim.put("/Users/" + id, put).status()).isEqualTo(200);
    DirectoryUser user = fixture.stores.directory().user(id).orElseThrow();
    assertThat(user.name()).isEqualTo("Isaac B.");
    assertThat(user.active()).isTrue();
    assertThat(user.attributes()).containsEntry("locale", "en-US");
  }

  @Test
  void aPutReplacesWhatTheEndpointOwnsAndKeepsWhatAnotherSourceWrote() {
    String id = scim.post("/Users", entraUser("ada@contoso.com", null)).id();
    DirectoryUser stored = fixture.stores.directory().user(id).orElseThrow();
    Map<String, Object> withBadge = new java.util.HashMap<>(stored.attributes());
    withBadge.put("badge", "B-7");
    fixture
        .stores
        .directory()
        .putUser(
            new DirectoryUser(
                id, stored.username(), stored.name(), stored.email(), true, withBadge));

    scim.put(
        "/Users/" + id,
        "{\"schemas\":[\"" + Requests.CORE_USER + "\"],\"userName\":\"ada@contoso.com\"}");

    assertThat(fixture.stores.directory().user(id).orElseThrow().attributes())
        .containsEntry("badge", "B-7")
        .doesNotContainKeys("title", "department", "externalId");
  }

  @Test
  void deactivateThenDeleteRemovesTheUserAndAppendsItsDelete() {
    String id = scim.post("/Users", entraUser("ada@contoso.com", null)).id();
    scim.patch(
        "/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));

    assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
    assertThat(fixture.stores.directory().user(id)).isEmpty();
    assertThat(changes()).contains(Change.user(id, Change.Operation.DELETE));
    assertThat(scim.delete("/Users/" + id).status()).isEqualTo(404);
    assertThat(
            scim.get("/Users?filter=" + q("userName eq \"ada@contoso.com\""))
                .json()
                .path("totalResults")
                .asInt())
        .isZero();
  }

  @Test
  void anIfMatchThatNoLongerMatchesIs412AndWritesNothing() {
    ScimCalls.Answer created = scim.post("/Users", entraUser("ada@contoso.com", null));
    String version = created.header("ETag");
    scim.patch(
        "/Users/" + created.id(),
        patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CTO\"}"));

    ScimCalls.Answer stale =
        scim.send(
            "PATCH",
            "/Users/" + created.id(),
            patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CEO\"}"),
            Map.of("If-Match", version));
    String current = scim.get("/Users/" + created.id()).header("ETag");
    ScimCalls.Answer fresh =
        scim.send(
            "PATCH",
            "/Users/" + created.id(),
            patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CEO\"}"),
            Map.of("If-Match", current));

    assertThat(stale.status()).isEqualTo(412);
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(fixture.stores.directory().user(created.id()).orElseThrow().attributes())
        .containsEntry("title", "CEO");
  }

  @Test
  void listsPageWithStartIndexAndCountAndTotalResultsCountsEveryMatch() {
    for (int i = 0; i < 7; i++) scim.post("/Users", oktaUser("user" + i + "@example.com"));

    JsonNode page = scim.get("/Users?startIndex=3&count=2").json();
    JsonNode filtered =
        scim.get("/Users?filter=" + q("userName sw \"user1\" or userName ew \"6@example.com\""))
            .json();
    JsonNode capped = scim.get("/Users?count=100000").json();

    assertThat(page.path("totalResults").asInt()).isEqualTo(7);
    assertThat(page.path("startIndex").asInt()).isEqualTo(3);
    assertThat(page.path("Resources")).hasSize(2);
    assertThat(filtered.path("totalResults").asInt()).isEqualTo(2);
    assertThat(capped.path("Resources")).hasSize(7);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "active eq false                                          | 1",
        "emails[type eq \"work\" and value co \"@contoso\"]       | 2",
        "not (userName eq \"a@contoso.com\")                      | 2",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"R&D\" | 3",
        "title pr and (userName sw \"b\" or userName sw \"c\")    | 2",
        "meta.created gt \"2000-01-01T00:00:00Z\"                 | 3",
      })
  void filtersOfEveryKindSelectWhatTheySay(String filter, int expected) {
    for (String name : List.of("a", "b", "c"))
      scim.post("/Users", entraUser(name + "@contoso.com", null));
    String id =
        scim.get("/Users?filter=" + q("userName eq \"c@contoso.com\""))
            .json()
            .path("Resources")
            .get(0)
            .path("id")
            .asText();
    scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));
    scim.patch(
        "/Users/" + id,
        patch(
            "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"c@fabrikam.com\"}"));

    JsonNode answer = scim.get("/Users?filter=" + q(filter.strip())).json();

    assertThat(answer.path("totalResults").asInt()).as(answer.toString()).isEqualTo(expected);
  }

  @Test
  void attributesAndExcludedAttributesShapeTheAnswer() {
    String id = scim.post("/Users", entraUser("ada@contoso.com", null)).id();

    JsonNode only = scim.get("/Users/" + id + "?attributes=userName").json();
    JsonNode without = scim.get("/Users/" + id + "?excludedAttributes=emails,title").json();

    assertThat(only.path("userName").asText()).isEqualTo("ada@contoso.com");
    assertThat(only.has("emails")).isFalse();
    assertThat(without.has("emails")).isFalse();
    assertThat(without.has("title")).isFalse();
    assertThat(without.path("userName").asText()).isEqualTo("ada@contoso.com");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "POST | /Users | {bad json                                                        | 400 | ",
        "POST | /Users | {\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}       | 400 | userName",
        "POST | /Users | {\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x\",\"nickname2\":1} | 400 | attribute 'nickname2'",
        "POST | /Users | {\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:x:custom\"],\"userName\":\"x\"} | 400 | schema 'urn:x:custom'",
        "GET  | /Users?filter=userName%20eqq%20%22x%22                       |  | 400 | invalidFilter",
        "GET  | /Users/no-such-id                                            |  | 404 | no-such-id",
        "PUT  | /Users/no-such-id | {\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x\"} | 404 | no-such-id",
        "PATCH | /Users/no-such-id | {\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]} | 404 | ",
        "DELETE | /Users/no-such-id |                                                  | 404 | ",
      })
  void badInputIsAScimErrorWithTheRightTypeAndStoresNothing(
      String method, String path, String body, int status, String mentions) {
    ScimCalls.Answer answer = scim.send(method.strip(), path.strip(), body, Map.of());

    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().path("schemas").get(0).asText())
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(answer.json().path("status").asText()).isEqualTo(Integer.toString(status));
    if (mentions != null) assertThat(answer.body()).contains(mentions.strip());
    assertThat(fixture.stores.directory().userCount()).isZero();
  }

  @Test
  void theDiscoveryEndpointsDescribeWhatIsServed() {
    JsonNode config = scim.get("/ServiceProviderConfig").json();
    JsonNode types = scim.get("/ResourceTypes").json();
    JsonNode schemas = scim.get("/Schemas").json();

    assertThat(config.path("patch").path("supported").asBoolean()).isTrue();
    assertThat(config.path("bulk").path("supported").asBoolean()).isTrue();
    assertThat(config.path("etag").path("supported").asBoolean()).isTrue();
    assertThat(config.path("filter").path("maxResults").asInt()).isEqualTo(200);
    assertThat(types.toString())
        .contains("\"endpoint\":\"/Users\"", "\"endpoint\":\"/Groups\"", ENTERPRISE);
    assertThat(schemas.toString()).contains(Requests.CORE_USER, Requests.CORE_GROUP, ENTERPRISE);
  }

  @Test
  void bulkWithBulkIdReferencesWritesUsersAndTheGroupThatNamesThem() {
    String bulk =
        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":1,
         "Operations":[
          {"method":"POST","path":"/Users","bulkId":"u1","data":%s},
          {"method":"POST","path":"/Groups","bulkId":"g1","data":{"schemas":["%s"],"displayName":"Bulk","members":[{"value":"bulkId:u1"}]}}]}"""
            .formatted(oktaUser("bulk@example.com"), Requests.CORE_GROUP);

    ScimCalls.Answer answer = scim.post("/Bulk", bulk);

    assertThat(answer.status()).isEqualTo(200);
    String userId = answer.json().path("Operations").get(0).path("id").asText();
    String groupId = answer.json().path("Operations").get(1).path("id").asText();
    assertThat(fixture.stores.directory().members(groupId)).containsExactly(userId);
  }

  private List<Change> changes() {
    List<ChangeFeed.Entry> entries =
        fixture.stores.changes().read("inbound-test", 1000, Duration.ZERO);
    return entries.stream().map(ChangeFeed.Entry::change).toList();
  }

  static String q(String filter) {
    return java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
