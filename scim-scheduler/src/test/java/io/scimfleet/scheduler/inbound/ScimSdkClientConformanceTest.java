package io.scimfleet.scheduler.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import de.captaingoldfish.scim.sdk.client.ScimClientConfig;
import de.captaingoldfish.scim.sdk.client.ScimRequestBuilder;
import de.captaingoldfish.scim.sdk.client.response.ServerResponse;
import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.common.constants.enums.PatchOp;
import de.captaingoldfish.scim.sdk.common.resources.EnterpriseUser;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.Manager;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Email;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Member;
import de.captaingoldfish.scim.sdk.common.response.ListResponse;
import io.scimfleet.model.DirectoryUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inbound endpoint driven by a SCIM client we did not write: the SCIM-SDK's own client. */
class ScimSdkClientConformanceTest {
  private final InboundFixture fixture = InboundFixture.inMemory();
  private final ScimRequestBuilder client =
      new ScimRequestBuilder(
          fixture.scim.base(),
          ScimClientConfig.builder()
              .httpHeaders(Map.of("Authorization", "Bearer " + InboundFixture.TOKEN))
              .build());

  @AfterEach
  void close() {
    client.close();
    fixture.close();
  }

  @Test
  void theClientReadsTheServiceProviderConfig() {
    ServiceProvider config = client.loadServiceProviderConfiguration();

    assertThat(config.getPatchConfig().isSupported()).isTrue();
    assertThat(config.getBulkConfig().isSupported()).isTrue();
    assertThat(config.getETagConfig().isSupported()).isTrue();
  }

  @Test
  void createReadListPatchPutAndDeleteAUserWithTheEnterpriseExtension() {
    User manager = create(user("grace@example.org", null));
    User ada = create(user("ada@example.org", manager.getId().orElseThrow()));
    String id = ada.getId().orElseThrow();

    User read = client.get(User.class, "/Users", id).sendRequest().getResource();
    assertThat(read.getEnterpriseUser().flatMap(EnterpriseUser::getDepartment)).contains("R&D");
    assertThat(
            read.getEnterpriseUser().flatMap(EnterpriseUser::getManager).flatMap(Manager::getValue))
        .contains(manager.getId().orElseThrow());

    ServerResponse<ListResponse<User>> listed =
        client
            .list(User.class, "/Users")
            .filter("userName", Comparator.EQ, "ADA@example.org")
            .build()
            .get()
            .sendRequest();
    assertThat(listed.getResource().getTotalResults()).isEqualTo(1);

    ServerResponse<User> patched =
        client
            .patch(User.class, "/Users", id)
            .addOperation()
            .op(PatchOp.REPLACE)
            .path("title")
            .value("Countess")
            .build()
            .sendRequest();
    assertThat(patched.isSuccess()).as(patched.getResponseBody()).isTrue();
    assertThat(directoryUser(id).attributes()).containsEntry("title", "Countess");

    User replacement = user("ada@example.org", null);
    replacement.setDisplayName("Ada King");
    ServerResponse<User> put =
        client.update(User.class, "/Users", id).setResource(replacement).sendRequest();
    assertThat(put.isSuccess()).as(put.getResponseBody()).isTrue();
    assertThat(directoryUser(id).name()).isEqualTo("Ada King");

    assertThat(client.delete(User.class, "/Users", id).sendRequest().getHttpStatus())
        .isEqualTo(204);
    assertThat(fixture.stores.directory().user(id)).isEmpty();
  }

  @Test
  void aDuplicateUserNameComesBackAsAConflictTheClientUnderstands() {
    create(user("ada@example.org", null));

    ServerResponse<User> again =
        client
            .create(User.class, "/Users")
            .setResource(user("Ada@Example.org", null))
            .sendRequest();

    assertThat(again.getHttpStatus()).isEqualTo(409);
    assertThat(again.getErrorResponse().getScimType()).contains("uniqueness");
  }

  @Test
  void groupsWithMembersAreCreatedAndPatched() {
    String ada = create(user("ada@example.org", null)).getId().orElseThrow();
    String bob = create(user("bob@example.org", null)).getId().orElseThrow();
    Group engineers =
        Group.builder()
            .displayName("Engineers")
            .members(List.of(Member.builder().value(ada).type("User").build()))
            .build();

    String id =
        client
            .create(Group.class, "/Groups")
            .setResource(engineers)
            .sendRequest()
            .getResource()
            .getId()
            .orElseThrow();
    ServerResponse<Group> patched =
        client
            .patch(Group.class, "/Groups", id)
            .addOperation()
            .op(PatchOp.ADD)
            .path("members")
            .valueNode(Member.builder().value(bob).build())
            .build()
            .sendRequest();

    assertThat(patched.isSuccess()).as(patched.getResponseBody()).isTrue();
    assertThat(fixture.stores.directory().members(id)).containsExactlyInAnyOrder(ada, bob);
  }

  private User create(User user) {
    ServerResponse<User> created =
        client.create(User.class, "/Users").setResource(user).sendRequest();
    assertThat(created.getHttpStatus()).as(created.getResponseBody()).isEqualTo(201);
    return created.getResource();
  }

  private DirectoryUser directoryUser(String id) {
    return fixture.stores.directory().user(id).orElseThrow();
  }

  private static User user(String userName, String managerId) {
    EnterpriseUser.EnterpriseUserBuilder enterprise =
        EnterpriseUser.builder().employeeNumber("7").department("R&D");
    if (managerId != null) enterprise.manager(Manager.builder().value(managerId).build());
    return User.builder()
        .userName(userName)
        .displayName(userName)
        .active(true)
        .emails(List.of(Email.builder().value(userName).primary(true).type("work").build()))
        .enterpriseUser(enterprise.build())
        .build();
  }
}
