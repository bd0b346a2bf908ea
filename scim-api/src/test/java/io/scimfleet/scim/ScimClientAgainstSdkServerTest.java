package io.scimfleet.scim;

import static io.scimfleet.testing.ScimResources.aGroup;
import static io.scimfleet.testing.ScimResources.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.testing.ScimSdkServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against a SCIM server this project did not write (SCIM-SDK), over real HTTP. */
class ScimClientAgainstSdkServerTest {
  private static ScimSdkServer server;
  private static ScimClient client;

  @BeforeAll
  static void start() {
    server = ScimSdkServer.start(ScimSdkServer.Options.defaults().withBulkMaxOperations(5));
    client = ScimClient.builder(server.baseUrl()).bearerToken(server.token()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @BeforeEach
  void cleanServer() {
    server.reset();
  }

  @Test
  void createsAndReadsAUser() {
    ScimResource created = client.create("Users", aUser("alice"));

    ScimResource read = client.get("Users", created.id());

    assertThat(read.json().path("userName").asText()).isEqualTo("alice");
    assertThat(read.json().path("active").isBoolean()).isTrue();
    assertThat(read.version()).isPresent();
    assertThat(server.users()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"o\"brien", "back\\slash", "o\"b\\x", "space and+plus&amp", "ünïcødé"})
  void findsAUserWhoseUserNameNeedsEscaping(String userName) {
    client.create("Users", aUser("other"));
    ScimResource tricky = client.create("Users", aUser(userName));

    var found = client.findOne("Users", Filter.eq("userName", userName));

    assertThat(found).map(ScimResource::id).contains(tricky.id());
  }

  @Test
  void findsNothingForAnUnknownUserName() {
    client.create("Users", aUser("alice"));

    assertThat(client.findOne("Users", Filter.eq("userName", "nobody"))).isEmpty();
  }

  @Test
  void replacesAUserWithItsVersion() {
    ScimResource created = client.create("Users", aUser("bob"));
    ObjectNode changed = aUser("bob").put("displayName", "Bob B");

    ScimResource replaced =
        client.replace("Users", created.id(), changed, created.version().orElseThrow());

    assertThat(replaced.json().path("displayName").asText()).isEqualTo("Bob B");
  }

  @Test
  void staleVersionOnReplaceIsAPreconditionFailure() {
    ScimResource created = client.create("Users", aUser("carol"));
    client.replace("Users", created.id(), aUser("carol").put("displayName", "first"), null);

    assertThatThrownBy(
            () ->
                client.replace(
                    "Users", created.id(), aUser("carol"), created.version().orElseThrow()))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageStartingWith("PUT /Users/" + created.id() + " -> 412");
  }

  @Test
  void patchesAUserAttribute() {
    ScimResource created = client.create("Users", aUser("dave"));

    client.patch(
        "Users", created.id(), PatchRequest.builder().replace("active", false).build(), null);

    assertThat(client.get("Users", created.id()).json().path("active").asBoolean(true)).isFalse();
  }

  @Test
  void addsAndRemovesGroupMembersWithTheRfcRemoveForm() {
    String alice = client.create("Users", aUser("alice")).id();
    String bob = client.create("Users", aUser("bob")).id();
    String carol = client.create("Users", aUser("carol")).id();
    String group = client.create("Groups", aGroup("staff", alice)).id();

    for (PatchRequest patch : PatchRequest.memberChanges(List.of(bob, carol), List.of(alice), 0)) {
      client.patch("Groups", group, patch, null);
    }

    assertThat(memberIds(client.get("Groups", group).json())).containsExactlyInAnyOrder(bob, carol);
  }

  @Test
  void deletesAGroupWithMembersAndItsUsers() {
    String alice = client.create("Users", aUser("alice")).id();
    String group = client.create("Groups", aGroup("staff", alice)).id();

    client.delete("Groups", group, null);
    client.delete("Users", alice, null);

    assertThat(server.groups()).isEmpty();
    assertThat(server.users()).isEmpty();
    assertThatThrownBy(() -> client.get("Users", alice)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void duplicateUserNameIsAConflict() {
    client.create("Users", aUser("erin"));

    assertThatThrownBy(() -> client.create("Users", aUser("erin")))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.scimType()).contains("uniqueness");
              assertThat(e.retryable()).isFalse();
            })
        .hasMessageContaining("POST /Users -> 409 uniqueness");
  }

  @Test
  void duplicateGroupDisplayNameIsAConflict() {
    client.create("Groups", aGroup("admins"));

    assertThatThrownBy(() -> client.create("Groups", aGroup("admins")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void discoversWhatTheServerSupports() {
    Capabilities capabilities = client.capabilities();

    assertThat(capabilities.patch()).isTrue();
    assertThat(capabilities.bulk())
        .isEqualTo(new Capabilities.Bulk(true, 5, server.options().bulkMaxPayloadSize()));
    assertThat(capabilities.etag()).isTrue();
    assertThat(capabilities.filter()).isEqualTo(new Capabilities.FilterSupport(true, 200));
    assertThat(capabilities.resourceEndpoints()).contains("Users", "Groups");
    assertThat(capabilities.userSchemaExtensions())
        .containsExactly("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    assertThat(client.resourceTypes())
        .extracting(ResourceType::endpoint)
        .contains("Users", "Groups");
    assertThat(client.schemas().toString()).contains("urn:ietf:params:scim:schemas:core:2.0:User");
  }

  @Test
  void aServerWithoutTheEnterpriseExtensionAnnouncesNone() {
    try (ScimSdkServer plain =
            ScimSdkServer.start(ScimSdkServer.Options.defaults().withEnterpriseUser(false));
        ScimClient plainClient =
            ScimClient.builder(plain.baseUrl()).bearerToken(plain.token()).build()) {
      assertThat(plainClient.capabilities().userSchemaExtensions()).isEmpty();
      assertThat(plainClient.create("Users", aUser("ada")).id()).isNotBlank();
    }
  }

  @Test
  void pagesThroughEveryUser() {
    IntStream.range(0, 230).forEach(i -> client.create("Users", aUser("user" + i)));

    List<ScimResource> all = client.searchAll("Users", Filter.sw("userName", "user")).toList();

    assertThat(all).hasSize(230);
    assertThat(all.stream().map(ScimResource::id).distinct()).hasSize(230);
  }

  @Test
  void bulkCreatesAUserAndAGroupThatRefersToItByBulkId() {
    ObjectNode group = aGroup("bulk-group");
    group.putArray("members").addObject().put("value", "bulkId:u1");

    List<BulkResult> results =
        client.bulk(
            List.of(
                BulkOperation.create("Users", "u1", aUser("bulk-user")),
                BulkOperation.create("Groups", "g1", group)));

    assertThat(results)
        .allSatisfy(result -> assertThat(result.ok()).as(result.toString()).isTrue());
    String userId = results.get(0).id();
    assertThat(memberIds(client.get("Groups", results.get(1).id()).json())).containsExactly(userId);
  }

  @Test
  void bulkSplitsAtMaxOperationsAndCarriesBulkIdsAcrossTheCut() {
    List<BulkOperation> operations = new ArrayList<>();
    IntStream.range(0, 7)
        .forEach(i -> operations.add(BulkOperation.create("Users", "u" + i, aUser("bulk" + i))));
    ObjectNode group = aGroup("late-group");
    group.putArray("members").addObject().put("value", "bulkId:u0");
    operations.add(BulkOperation.create("Groups", "g", group));
    server.resetCounts();

    List<BulkResult> results = client.bulk(operations);

    assertThat(server.requestCount("POST")).isEqualTo(2);
    assertThat(results).hasSize(8).allMatch(BulkResult::ok);
    assertThat(memberIds(server.groups().get(0))).containsExactly(results.get(0).id());
  }

  @Test
  void bulkReportsAFailedOperationOnItsOwn() {
    client.create("Users", aUser("taken"));

    List<BulkResult> results =
        client.bulk(
            List.of(
                BulkOperation.create("Users", "a", aUser("taken")),
                BulkOperation.create("Users", "b", aUser("free"))));

    assertThat(results.get(0).failure()).get().isInstanceOf(ConflictException.class);
    assertThat(results.get(1).ok()).isTrue();
  }

  @Test
  void wrongTokenIsUnauthorizedAndNeverEchoed() {
    try (ScimClient stranger =
        ScimClient.builder(server.baseUrl()).bearerToken("wrong-secret").build()) {
      assertThatThrownBy(() -> stranger.get("Users", "x"))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessageNotContaining("wrong-secret");
    }
  }

  private static Set<String> memberIds(JsonNode group) {
    Set<String> ids = new java.util.HashSet<>();
    group.path("members").forEach(member -> ids.add(member.path("value").asText()));
    return ids;
  }
}
