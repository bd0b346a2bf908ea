package io.scimfleet.scheduler.inbound;

import static io.scimfleet.scheduler.inbound.InboundUsersTest.q;
import static io.scimfleet.scheduler.inbound.Requests.group;
import static io.scimfleet.scheduler.inbound.Requests.oktaUser;
import static io.scimfleet.scheduler.inbound.Requests.patch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Groups through /scim/v2: members as memberships, groups as nesting, the PATCH shapes IdPs send.
 */
class InboundGroupsTest {
  private final InboundFixture fixture = InboundFixture.inMemory();
  private final ScimCalls scim = fixture.scim;
  private String ada;
  private String bob;
  private String cyd;

  @BeforeEach
  void users() {
    ada = scim.post("/Users", oktaUser("ada@example.com")).id();
    bob = scim.post("/Users", oktaUser("bob@example.com")).id();
    cyd = scim.post("/Users", oktaUser("cyd@example.com")).id();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aGroupIsCreatedWithItsMembersAndReadsBackWithTypedMembers() {
    ScimCalls.Answer created = scim.post("/Groups", group("Engineers", ada, bob));

    assertThat(created.status()).isEqualTo(201);
    assertThat(fixture.stores.directory().group(created.id()).orElseThrow().name())
        .isEqualTo("Engineers");
    assertThat(fixture.stores.directory().members(created.id()))
        .containsExactlyInAnyOrder(ada, bob);
    JsonNode read = scim.get("/Groups/" + created.id()).json();
    assertThat(read.path("externalId").asText()).isEqualTo("ext-Engineers");
    assertThat(read.path("members")).hasSize(2);
    assertThat(read.path("members").get(0).path("type").asText()).isEqualTo("User");
    assertThat(read.path("members").get(0).path("$ref").asText()).contains("/scim/v2/Users/");
  }

  @Test
  void entraFindsAGroupByDisplayNameWithoutMembers() {
    String id = scim.post("/Groups", group("Engineers", ada)).id();

    JsonNode found =
        scim.get("/Groups?excludedAttributes=members&filter=" + q("displayName eq \"Engineers\""))
            .json();

    assertThat(found.path("totalResults").asInt()).isEqualTo(1);
    JsonNode resource = found.path("Resources").get(0);
    assertThat(resource.path("id").asText()).isEqualTo(id);
    assertThat(resource.has("members")).isFalse();
  }

  @Test
  void memberAddAndRemoveInEveryShapeIdpsSend() {
    String id = scim.post("/Groups", group("Engineers", ada)).id();

    scim.patch(
        "/Groups/" + id,
        patch(
            "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + bob
                + "\"},{\"value\":\""
                + cyd
                + "\"}]}"));
    assertThat(fixture.stores.directory().members(id)).containsExactlyInAnyOrder(ada, bob, cyd);

    scim.patch(
        "/Groups/" + id,
        patch("{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + ada + "\\\"]\"}"));
    assertThat(fixture.stores.directory().members(id)).containsExactlyInAnyOrder(bob, cyd);

    scim.patch(
        "/Groups/" + id,
        patch("{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}"));
    assertThat(fixture.stores.directory().members(id)).containsExactly(cyd);

    scim.patch(
        "/Groups/" + id,
        patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Builders\"}"));
    assertThat(fixture.stores.directory().group(id).orElseThrow().name()).isEqualTo("Builders");
    assertThat(fixture.stores.directory().members(id)).containsExactly(cyd);
  }

  @Test
  void removingAMemberTwiceSucceedsBothTimesAsARetriedRequestMust() {
    String id = scim.post("/Groups", group("Engineers", ada, bob)).id();
    String removal =
        patch(
            "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\""
                + ada
                + "\"}]}");

    assertThat(scim.patch("/Groups/" + id, removal).status()).isEqualTo(200);
    ScimCalls.Answer again = scim.patch("/Groups/" + id, removal);

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(fixture.stores.directory().members(id)).containsExactly(bob);
  }

  @Test
  void aGroupMemberIsNestingAndACycleIs400InvalidValueWritingNothing() {
    String parent = scim.post("/Groups", group("All", ada)).id();
    String child = scim.post("/Groups", group("Team", bob)).id();

    scim.patch(
        "/Groups/" + parent,
        patch(
            "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + child
                + "\",\"type\":\"Group\"}]}"));
    assertThat(fixture.stores.directory().memberGroups(parent)).containsExactly(child);
    assertThat(scim.get("/Groups/" + parent).body()).contains("\"type\":\"Group\"");

    ScimCalls.Answer cycle =
        scim.patch(
            "/Groups/" + child,
            patch(
                "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + parent
                    + "\"}]}"));

    assertThat(cycle.status()).isEqualTo(400);
    assertThat(cycle.json().path("scimType").asText()).isEqualTo("invalidValue");
    assertThat(fixture.stores.directory().memberGroups(child)).isEmpty();
    assertThat(fixture.stores.directory().members(child)).containsExactly(bob);
  }

  @Test
  void anUnknownMemberIs400AndTheGroupIsNotWritten() {
    ScimCalls.Answer answer = scim.post("/Groups", group("Ghosts", ada, "no-such-id"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("scimType").asText()).isEqualTo("invalidValue");
    assertThat(answer.json().path("detail").asText()).contains("no-such-id");
    assertThat(fixture.stores.directory().groupCount()).isZero();
  }

  @Test
  void deletingAUserRemovesItFromItsGroupsAndDeletingAGroupLeavesItsUsers() {
    String id = scim.post("/Groups", group("Engineers", ada, bob)).id();

    scim.delete("/Users/" + ada);
    assertThat(scim.get("/Groups/" + id).json().path("members")).hasSize(1);
    assertThat(scim.delete("/Groups/" + id).status()).isEqualTo(204);
    assertThat(fixture.stores.directory().group(id)).isEmpty();
    assertThat(fixture.stores.directory().user(bob)).isPresent();
  }

  @Test
  void aUserReadsBackWithTheGroupsItIsADirectMemberOf() {
    String id = scim.post("/Groups", group("Engineers", ada)).id();

    JsonNode user = scim.get("/Users/" + ada).json();
    JsonNode listed = scim.get("/Users?filter=" + q("userName eq \"ada@example.com\"")).json();

    assertThat(user.path("groups")).hasSize(1);
    assertThat(user.path("groups").get(0).path("value").asText()).isEqualTo(id);
    assertThat(user.path("groups").get(0).path("$ref").asText()).endsWith("/Groups/" + id);
    assertThat(listed.path("Resources").get(0).path("groups").get(0).path("value").asText())
        .isEqualTo(id);
    assertThat(scim.get("/Users/" + bob).json().has("groups")).isFalse();
  }

  @Test
  void oktaRenamesAGroupWithAPathlessReplaceCarryingItsId() {
    String id = scim.post("/Groups", group("Engineers", ada)).id();

    ScimCalls.Answer renamed =
        scim.patch(
            "/Groups/" + id,
            patch(
                "{\"op\":\"replace\",\"value\":{\"id\":\""
                    + id
                    + "\",\"displayName\":\"Builders\"}}"));

    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(fixture.stores.directory().group(id).orElseThrow().name()).isEqualTo("Builders");
    assertThat(fixture.stores.directory().members(id)).containsExactly(ada);
  }

  @Test
  void aGroupAlsoReadsBackThroughTheRestApiUnderTheSameId() {
    String id = scim.post("/Groups", group("Engineers", ada)).id();

    assertThat(fixture.stores.directory().group(id)).isPresent();
    assertThat(
            scim.get("/Groups?filter=" + q("members.value eq \"" + ada + "\""))
                .json()
                .path("totalResults")
                .asInt())
        .isEqualTo(1);
  }
}
