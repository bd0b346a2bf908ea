package io.scimfleet.scheduler.inbound;

import static io.scimfleet.scheduler.inbound.InboundUsersTest.q;
import static io.scimfleet.scheduler.inbound.Requests.ENTERPRISE;
import static io.scimfleet.scheduler.inbound.Requests.patch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whole provisioning conversations, request after request, in the order and shape that Microsoft's
 * ("Tutorial: Develop and plan provisioning for a SCIM endpoint", its request/response examples)
 * and Okta's ("SCIM 2.0 protocol reference") public documentation show them.
 */
class IdpSequencesTest {
  private final InboundFixture fixture = InboundFixture.inMemory();
  private final ScimCalls scim = fixture.scim;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void entraIdsUserAndGroupLifeCycle() {
    String userName = "Test_User_dfeef4c5-5681-4387-b016-bdf221e82081";
    // 1. matching: not there yet
    assertThat(total(scim.get("/Users?filter=" + q("userName eq \"" + userName + "\"")))).isZero();
    // 2. create
    ScimCalls.Answer created =
        scim.post(
            "/Users",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"%s","active":true,
             "emails":[{"primary":true,"type":"work","value":"Test_User_11bb6097-d5f0-4e4e-9f23-9d38d1bbf0d3@testuser.com"}],
             "meta":{"resourceType":"User"},
             "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
             "roles":[]}"""
                .formatted(userName));
    assertThat(created.status()).isEqualTo(201);
    String id = created.id();
    // 3. read by id, 4. by userName (any case), 5. a userName that does not exist
    assertThat(scim.get("/Users/" + id).json().path("userName").asText()).isEqualTo(userName);
    assertThat(
            total(
                scim.get(
                    "/Users?filter="
                        + q("userName eq \"" + userName.toUpperCase(Locale.ROOT) + "\""))))
        .isEqualTo(1);
    assertThat(total(scim.get("/Users?filter=" + q("userName eq \"non-existent user\"")))).isZero();
    // 6. a duplicate create
    ScimCalls.Answer duplicate =
        scim.post(
            "/Users",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + userName
                + "\",\"active\":true}");
    assertThat(duplicate.status()).isEqualTo(409);
    // 7. update attributes, Entra style
    ScimCalls.Answer updated =
        scim.patch(
            "/Users/" + id,
            patch(
                "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"updatedEmail@microsoft.com\"}",
                "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"updatedFamilyName\"}",
                "{\"op\":\"Add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"m-42\"}",
                "{\"op\":\"Replace\",\"path\":\""
                    + ENTERPRISE
                    + ":department\",\"value\":\"Sales\"}"));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    JsonNode user = scim.get("/Users/" + id).json();
    assertThat(user.path("emails").get(0).path("value").asText())
        .isEqualTo("updatedEmail@microsoft.com");
    assertThat(user.path("name").path("familyName").asText()).isEqualTo("updatedFamilyName");
    assertThat(user.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo("m-42");
    // 8. update userName
    scim.patch(
        "/Users/" + id,
        patch(
            "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com\"}"));
    assertThat(fixture.stores.directory().user(id).orElseThrow().username())
        .isEqualTo("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com");
    // groups: 9. matching without members, 10. create, 11. add a member, 12. remove it
    assertThat(
            total(
                scim.get(
                    "/Groups?excludedAttributes=members&filter="
                        + q("displayName eq \"displayName\""))))
        .isZero();
    ScimCalls.Answer group =
        scim.post(
            "/Groups",
            "{\"externalId\":\"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159\",\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"displayName\",\"meta\":{\"resourceType\":\"Group\"}}");
    assertThat(group.status()).isEqualTo(201);
    scim.patch(
        "/Groups/" + group.id(),
        patch(
            "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\""
                + id
                + "\"}]}"));
    assertThat(fixture.stores.directory().members(group.id())).containsExactly(id);
    scim.patch(
        "/Groups/" + group.id(),
        patch(
            "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\""
                + id
                + "\"}]}"));
    assertThat(fixture.stores.directory().members(group.id())).isEmpty();
    // 13. disable, then 14. delete user and group
    scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}"));
    assertThat(fixture.stores.directory().user(id).orElseThrow().active()).isFalse();
    assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
    assertThat(scim.delete("/Groups/" + group.id()).status()).isEqualTo(204);
    assertThat(fixture.stores.directory().userCount()).isZero();
    assertThat(fixture.stores.directory().groupCount()).isZero();
  }

  @Test
  void oktasUserAndGroupLifeCycle() {
    // 1. does the user exist? 2. create with a password
    assertThat(
            total(
                scim.get(
                    "/Users?filter="
                        + q("userName eq \"test.user@okta.local\"")
                        + "&startIndex=1&count=100")))
        .isZero();
    String id = scim.post("/Users", Requests.oktaUser("test.user@okta.local")).id();
    // 3. read, 4. profile update as a full PUT
    JsonNode user = scim.get("/Users/" + id).json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) user.path("name"))
        .put("givenName", "Another");
    ((com.fasterxml.jackson.databind.node.ObjectNode) user).remove("meta");
    assertThat(scim.put("/Users/" + id, user.toString()).status()).isEqualTo(200);
    assertThat(fixture.stores.directory().user(id).orElseThrow().attributes())
        .containsEntry("givenName", "Another");
    // 5. push a group, 6. members by PATCH, 7. rename
    String group =
        scim.post(
                "/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Test SCIMv2\",\"members\":[]}")
            .id();
    scim.patch(
        "/Groups/" + group,
        patch(
            "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + id
                + "\",\"display\":\"test.user@okta.local\"}]}"));
    scim.patch(
        "/Groups/" + group,
        patch(
            "{\"op\":\"replace\",\"value\":{\"id\":\""
                + group
                + "\",\"displayName\":\"Test SCIMv2 renamed\"}}"));
    assertThat(fixture.stores.directory().group(group).orElseThrow().name())
        .isEqualTo("Test SCIMv2 renamed");
    assertThat(fixture.stores.directory().members(group)).containsExactly(id);
    // 8. deactivate (Okta does not delete users)
    assertThat(
            scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"))
                .status())
        .isEqualTo(200);
    assertThat(fixture.stores.directory().user(id).orElseThrow().active()).isFalse();
    // 9. the group goes
    assertThat(scim.delete("/Groups/" + group).status()).isEqualTo(204);
  }

  private static int total(ScimCalls.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("totalResults").asInt();
  }
}
