package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectoryApiTest {
  private final ApiFixture fixture = ApiFixture.inMemory();
  private final ApiClient api = fixture.api;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void putUserStoresItAndAnswersWithTheStoredObject() {
    ApiClient.Answer put =
        api.put(
            "/api/v1/users/u1",
            """
        {"username":"ada","name":"Ada Lovelace","email":"ada@example.com","attributes":{"department":"R&D"}}""");

    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().path("id").asText()).isEqualTo("u1");
    assertThat(put.json().path("active").asBoolean()).isTrue();
    assertThat(api.get("/api/v1/users/u1").json()).isEqualTo(put.json());
    assertThat(fixture.stores.directory().user("u1"))
        .hasValueSatisfying(
            user -> {
              assertThat(user.email()).isEqualTo("ada@example.com");
              assertThat(user.attributes()).containsEntry("department", "R&D");
            });
  }

  @Test
  void onlyTheUsernameIsRequired() {
    assertThat(api.put("/api/v1/users/u1", "{\"username\":\"ada\"}").status()).isEqualTo(200);
  }

  @Test
  void unknownUserIs404OnGetAndDelete() {
    assertThat(api.get("/api/v1/users/nobody").status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/users/nobody").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/users/nobody").error()).contains("nobody");
  }

  @Test
  void deleteUserRemovesItAndAnswers204() {
    api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");

    assertThat(api.delete("/api/v1/users/u1").status()).isEqualTo(204);
    assertThat(fixture.stores.directory().user("u1")).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"username\":\"ada\"                          | 400 | malformed JSON",
        "{\"username\":\"ada\",\"nickname\":\"x\"}       | 400 | unknown field 'nickname'",
        "{\"username\":\"\"}                             | 400 | username is required",
        "{\"name\":\"Ada\"}                              | 400 | username is required",
        "{\"username\":\"ada\",\"active\":\"yes\"}       | 400 | field 'active'",
        "{\"username\":\"ada\"} trailing                 | 400 | malformed JSON",
        "[1,2]                                           | 400 | ",
        "null                                            | 400 | the request body is null",
        "{\"username\":\"ada\",\"attributes\":{\"x\":null}} | 400 | attributes.x is null",
      })
  void badUserBodiesAre4xxWithAnActionableErrorAndStoreNothing(
      String body, int status, String error) {
    ApiClient.Answer answer = api.put("/api/v1/users/u1", body.strip());

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.error()).isNotBlank().contains(error == null ? "" : error);
    assertThat(fixture.stores.directory().user("u1")).isEmpty();
  }

  @Test
  void aNullGroupBodyOrANullGroupAttributeIs400AndStoresNothing() {
    ApiClient.Answer nullBody = api.put("/api/v1/groups/g1", "null");
    ApiClient.Answer nullAttribute =
        api.put("/api/v1/groups/g1", "{\"name\":\"G\",\"attributes\":{\"cost\":null}}");

    assertThat(nullBody.status()).isEqualTo(400);
    assertThat(nullBody.error()).contains("the request body is null");
    assertThat(nullAttribute.status()).isEqualTo(400);
    assertThat(nullAttribute.error()).contains("attributes.cost is null");
    assertThat(fixture.stores.directory().group("g1")).isEmpty();
  }

  @Test
  void emptyBodyIsRefused() {
    ApiClient.Answer answer = api.put("/api/v1/users/u1", "");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).contains("empty");
  }

  @Test
  void bodyOverTheLimitIs413AndStoresNothing() {
    String big =
        "{\"username\":\"ada\",\"name\":\"" + "x".repeat((int) ApiFixture.MAX_BODY_BYTES) + "\"}";

    ApiClient.Answer answer = api.put("/api/v1/users/u1", big);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.error()).contains("SCIM_MAX_BODY_BYTES");
    assertThat(fixture.stores.directory().user("u1")).isEmpty();
  }

  @Test
  void bodyOverTheLimitWithoutContentLengthIs413() {
    String big =
        "{\"username\":\"ada\",\"name\":\"" + "x".repeat((int) ApiFixture.MAX_BODY_BYTES) + "\"}";
    var chunked = BodyPublishers.fromPublisher(BodyPublishers.ofString(big));

    ApiClient.Answer answer = api.send("PUT", "/api/v1/users/u1", chunked, "application/json");

    assertThat(answer.status()).isEqualTo(413);
    assertThat(fixture.stores.directory().user("u1")).isEmpty();
  }

  @Test
  void putGroupWithMembersAndReadItBack() {
    api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");
    api.put("/api/v1/users/u2", "{\"username\":\"alan\"}");

    ApiClient.Answer put =
        api.put("/api/v1/groups/g1", "{\"name\":\"Engineering\",\"members\":[\"u2\",\"u1\"]}");

    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().path("members").toString()).isEqualTo("[\"u1\",\"u2\"]");
    assertThat(api.get("/api/v1/groups/g1").json()).isEqualTo(put.json());
  }

  @Test
  void memberGroupsAreStoredShownAndAddedOrRemovedOneByOne() {
    api.put("/api/v1/groups/child", "{\"name\":\"Child\"}");
    api.put("/api/v1/groups/other", "{\"name\":\"Other\"}");

    ApiClient.Answer put =
        api.put("/api/v1/groups/root", "{\"name\":\"Root\",\"memberGroups\":[\"child\"]}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().path("memberGroups").toString()).isEqualTo("[\"child\"]");

    assertThat(
            api.put("/api/v1/groups/root/memberGroups/other", "")
                .json()
                .path("memberGroups")
                .toString())
        .isEqualTo("[\"child\",\"other\"]");
    assertThat(api.delete("/api/v1/groups/root/memberGroups/child").status()).isEqualTo(204);
    assertThat(api.delete("/api/v1/groups/root/memberGroups/child").status()).isEqualTo(404);
    assertThat(fixture.stores.directory().memberGroups("root")).containsExactly("other");
  }

  @Test
  void aCycleIs422NamingThePathAndAnUnknownChildGroupIs422NamingIt() {
    api.put("/api/v1/groups/a", "{\"name\":\"A\"}");
    api.put("/api/v1/groups/b", "{\"name\":\"B\",\"memberGroups\":[\"a\"]}");

    ApiClient.Answer cycle = api.put("/api/v1/groups/a/memberGroups/b", "");
    ApiClient.Answer viaPut =
        api.put("/api/v1/groups/a", "{\"name\":\"A\",\"memberGroups\":[\"b\"]}");
    ApiClient.Answer unknown =
        api.put("/api/v1/groups/a", "{\"name\":\"A\",\"memberGroups\":[\"ghost\"]}");

    assertThat(cycle.status()).isEqualTo(422);
    assertThat(cycle.error()).contains("a → b → a");
    assertThat(viaPut.status()).isEqualTo(422);
    assertThat(viaPut.error()).contains("a → b → a");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.error()).contains("unknown group: ghost");
    assertThat(api.put("/api/v1/groups/a/memberGroups/ghost", "").status()).isEqualTo(404);
    assertThat(fixture.stores.directory().memberGroups("a")).isEmpty();
  }

  @Test
  void groupWithAnUnknownMemberIs422NamingItAndStoresNothing() {
    api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");

    ApiClient.Answer answer =
        api.put("/api/v1/groups/g1", "{\"name\":\"Engineering\",\"members\":[\"u1\",\"ghost\"]}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.error()).contains("ghost");
    assertThat(fixture.stores.directory().group("g1")).isEmpty();
  }

  @Test
  void groupWithoutANameIsRefused() {
    ApiClient.Answer answer = api.put("/api/v1/groups/g1", "{\"members\":[]}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).contains("name is required");
    assertThat(fixture.stores.directory().group("g1")).isEmpty();
  }

  @Test
  void membershipsAreAddedAndRemovedOneByOne() {
    api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");
    api.put("/api/v1/groups/g1", "{\"name\":\"Engineering\"}");

    assertThat(api.put("/api/v1/groups/g1/members/u1", "").status()).isEqualTo(200);
    assertThat(fixture.stores.directory().members("g1")).containsExactly("u1");
    assertThat(api.delete("/api/v1/groups/g1/members/u1").status()).isEqualTo(204);
    assertThat(fixture.stores.directory().members("g1")).isEmpty();
    assertThat(api.delete("/api/v1/groups/g1/members/u1").status()).isEqualTo(404);
  }

  @Test
  void membershipOfAnUnknownUserOrGroupIs404() {
    api.put("/api/v1/groups/g1", "{\"name\":\"Engineering\"}");

    assertThat(api.put("/api/v1/groups/g1/members/ghost", "").error()).contains("ghost");
    assertThat(api.put("/api/v1/groups/nogroup/members/ghost", "").status()).isEqualTo(404);
    assertThat(fixture.stores.directory().members("g1")).isEmpty();
  }

  @Test
  void deleteGroupAnswers204ThenIsGone() {
    api.put("/api/v1/groups/g1", "{\"name\":\"Engineering\"}");

    assertThat(api.delete("/api/v1/groups/g1").status()).isEqualTo(204);
    assertThat(api.get("/api/v1/groups/g1").status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/groups/g1").status()).isEqualTo(404);
  }

  @Test
  void unknownRouteIs404WithAJsonError() {
    ApiClient.Answer answer = api.get("/api/v1/nothing-here");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.error()).contains("/api/v1/nothing-here");
  }
}
