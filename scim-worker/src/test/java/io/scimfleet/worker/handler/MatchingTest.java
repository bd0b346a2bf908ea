package io.scimfleet.worker.handler;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.PermanentJobFailure;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.ProviderBuilder;
import io.scimfleet.testing.ScimResources;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Linking to objects already on the target by {@code matchOn}, against SCIM-SDK. */
class MatchingTest {
  private static ScimSdkServer target;
  private static ScimClient direct;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private Worker worker;

  @BeforeAll
  static void startTarget() {
    target = ScimSdkServer.start();
    direct = ScimClient.builder(target.baseUrl()).bearerToken(target.token()).build();
  }

  @AfterAll
  static void stopTarget() {
    direct.close();
    target.close();
  }

  @BeforeEach
  void start() {
    target.reset();
    worker =
        new Worker(
            stores,
            new NoJobQueue(),
            new FleetMetrics(new SimpleMeterRegistry()),
            clock,
            2,
            TestSecurity.settings());
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void adoptExistingLinksTheOneUserWithTheSameExternalIdInsteadOfCreating() throws Exception {
    provider(p -> p.matchingOn("externalId", null).adoptingExisting());
    String existing =
        direct.create("Users", ScimResources.aUser("old.name").put("externalId", "u1")).id();
    stores.directory().putUser(aUser("u1").withUsername("new.name").build());

    sync(ObjectType.USER, "u1");

    assertThat(remoteId(ObjectType.USER, "u1")).isEqualTo(existing);
    assertThat(target.users()).hasSize(1);
    assertThat(target.users().get(0).path("userName").asText()).isEqualTo("new.name");
  }

  @Test
  void aConflictLinksTheUserWithTheSamePrimaryEmail() throws Exception {
    provider(p -> p.matchingOn("emails.primary", null));
    ObjectNode other = ScimResources.aUser("someone.else");
    other
        .putArray("emails")
        .addObject()
        .put("value", "ada.lovelace@example.org")
        .put("primary", false);
    direct.create("Users", other);
    ObjectNode ada = ScimResources.aUser("ada.lovelace");
    ada.putArray("emails")
        .addObject()
        .put("value", "ada.lovelace@example.org")
        .put("primary", true);
    String existing = direct.create("Users", ada).id();
    stores.directory().putUser(aUser("u1").named("Ada Lovelace").build());

    sync(ObjectType.USER, "u1");

    assertThat(remoteId(ObjectType.USER, "u1")).isEqualTo(existing);
    assertThat(target.users()).hasSize(2);
  }

  @Test
  void severalMatchesFailTheUserWithTheirIds() {
    provider(p -> p.matchingOn("externalId", null).adoptingExisting());
    String first = direct.create("Users", ScimResources.aUser("one").put("externalId", "u1")).id();
    String second = direct.create("Users", ScimResources.aUser("two").put("externalId", "u1")).id();
    stores.directory().putUser(aUser("u1").build());

    assertThatThrownBy(() -> sync(ObjectType.USER, "u1"))
        .isInstanceOf(PermanentJobFailure.class)
        .hasMessageContaining("2 Users on the target match externalId eq \"u1\"")
        .hasMessageContaining(first)
        .hasMessageContaining(second);
    assertThat(target.users()).hasSize(2);
    assertThat(stores.syncState().get("crm", ObjectType.USER, "u1").orElseThrow().lastError())
        .contains(first);
  }

  @Test
  void adoptExistingLinksAGroupByItsDisplayName() throws Exception {
    provider(ProviderBuilder::adoptingExisting);
    String existing = direct.create("Groups", ScimResources.aGroup("staff")).id();
    stores.directory().putGroup(aGroup("g1").named("staff").build(), List.of());

    sync(ObjectType.GROUP, "g1");

    assertThat(remoteId(ObjectType.GROUP, "g1")).isEqualTo(existing);
    assertThat(target.groups()).hasSize(1);
  }

  private void provider(UnaryOperator<ProviderBuilder> settings) {
    stores
        .providers()
        .put(
            settings
                .apply(
                    aProvider("crm")
                        .at(target.baseUrl().toString())
                        .withCredential(Credential.inline(target.token())))
                .build());
  }

  private void sync(ObjectType type, String id) throws Exception {
    SyncObjectHandler handler = (SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class);
    handler.run(new SyncObjectRequest("crm", type, id, null));
  }

  private String remoteId(ObjectType type, String id) {
    return stores.syncState().get("crm", type, id).orElseThrow().remoteId();
  }
}
