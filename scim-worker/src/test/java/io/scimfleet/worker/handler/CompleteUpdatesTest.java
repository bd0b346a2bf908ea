package io.scimfleet.worker.handler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.UserUpdate;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.ProviderBuilder;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Updates leave the target with exactly what the mappings produce, against SCIM-SDK. */
class CompleteUpdatesTest {
  private static ScimSdkServer target;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private Worker worker;

  @BeforeAll
  static void startTarget() {
    target = ScimSdkServer.start();
  }

  @AfterAll
  static void stopTarget() {
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
  void anAttributeRemovedFromTheMappingsDisappearsFromTheTarget() throws Exception {
    provider(
        p -> p.withUserMapping("50-title", "{\"title\": \"Engineer\", \"nickName\": \"ada\"}"));
    stores.directory().putUser(aUser("u1").build());
    sync("u1");
    assertThat(onTarget().path("title").asText()).isEqualTo("Engineer");
    assertThat(stores.syncState().get("crm", ObjectType.USER, "u1").orElseThrow().pathsSent())
        .contains("title");

    provider(p -> p.withUserMapping("50-title", "{\"nickName\": \"ada\"}"));
    sync("u1");

    assertThat(onTarget().has("title")).isFalse();
    assertThat(onTarget().path("nickName").asText()).isEqualTo("ada");
    assertThat(stores.syncState().get("crm", ObjectType.USER, "u1").orElseThrow().pathsSent())
        .contains("userName", "nickName")
        .doesNotContain("title");
  }

  @Test
  void usersUpdatedByPutAreReplacedWholeUnderTheirIdOnAPatchCapableTarget() throws Exception {
    provider(
        p ->
            p.updatingUsersBy(UserUpdate.PUT)
                .withUserMapping("50-title", "{\"title\": \"Engineer\"}"));
    stores.directory().putUser(aUser("u1").named("Ada Lovelace").build());
    sync("u1");
    String id = onTarget().path("id").asText();

    provider(
        p ->
            p.updatingUsersBy(UserUpdate.PUT)
                .withUserMapping("50-title", "{\"nickName\": \"ada\"}"));
    stores.directory().putUser(aUser("u1").named("Ada King").withUsername("ada.lovelace").build());
    long patches = target.requestCount("PATCH");
    sync("u1");

    assertThat(target.requestCount("PUT")).isEqualTo(1);
    assertThat(target.requestCount("PATCH")).isEqualTo(patches);
    assertThat(onTarget().path("id").asText()).isEqualTo(id);
    assertThat(onTarget().path("name").path("familyName").asText()).isEqualTo("King");
    assertThat(onTarget().path("nickName").asText()).isEqualTo("ada");
    assertThat(onTarget().has("title")).isFalse();
  }

  private JsonNode onTarget() {
    assertThat(target.users()).hasSize(1);
    return target.users().get(0);
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

  private void sync(String id) throws Exception {
    SyncObjectHandler handler = (SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class);
    handler.run(new SyncObjectRequest("crm", ObjectType.USER, id, null));
  }
}
