package io.scimfleet.worker.handler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectType;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.testing.UserBuilder;
import io.scimfleet.worker.Worker;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import io.scimfleet.worker.pipeline.SyncResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Enterprise User extension and the manager, on the Redis stores against SCIM-SDK: {@code
 * manager.value} is the manager's id on the target, a manager not there yet is created first, a
 * target that does not announce the extension gets none.
 */
class EnterpriseManagerTest {
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static ScimSdkServer announcing;
  private static ScimSdkServer plain;
  private static RedisFixture redis;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private Stores stores;
  private Worker worker;

  @BeforeAll
  static void startTargets() {
    announcing = ScimSdkServer.start();
    plain = ScimSdkServer.start(ScimSdkServer.Options.defaults().withEnterpriseUser(false));
    redis = RedisFixture.open(EnterpriseManagerTest.class);
  }

  @AfterAll
  static void stopTargets() {
    announcing.close();
    plain.close();
    redis.close();
  }

  @BeforeEach
  void start() {
    announcing.reset();
    plain.reset();
    stores = RedisStores.create(redis.pool(), redis.keys(), clock);
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
    redis.clean();
  }

  @Test
  void aUserGoesWithItsManagersIdOnTheTargetAndTheManagerIsCreatedFirst() throws Exception {
    provider(announcing);
    stores.directory().putUser(boss().build());
    stores.directory().putUser(ada().build());

    sync("ada");

    assertThat(announcing.users())
        .extracting(user -> user.path("userName").asText())
        .containsExactly("boss", "ada");
    String bossOnTarget = remoteId("boss");
    assertThat(bossOnTarget).isNotEqualTo("boss");
    JsonNode ada = onTarget(announcing, "ada");
    assertThat(ada.path("schemas").toString()).contains(ENTERPRISE);
    assertThat(ada.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(bossOnTarget);
    assertThat(ada.path(ENTERPRISE).path("department").asText()).isEqualTo("R&D");
    assertThat(ada.path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("1815");
    assertThat(ada.path("title").asText()).isEqualTo("Countess");
  }

  @Test
  void aTargetThatDoesNotAnnounceTheExtensionGetsNone() throws Exception {
    provider(plain);
    stores.directory().putUser(boss().build());
    stores.directory().putUser(ada().build());

    sync("ada");

    JsonNode ada = onTarget(plain, "ada");
    assertThat(ada.has(ENTERPRISE)).isFalse();
    assertThat(ada.path("schemas").toString()).doesNotContain(ENTERPRISE);
    assertThat(ada.path("title").asText()).isEqualTo("Countess");
    assertThat(stores.syncState().get("crm", ObjectType.USER, "ada").orElseThrow().pathsSent())
        .contains("title")
        .doesNotContain(ENTERPRISE);
  }

  @Test
  void aManagerChainThatLoopsEndsAndTheNextSyncLinksTheOtherWay() throws Exception {
    provider(announcing);
    stores.directory().putUser(aUser("ada").with("manager", "grace").build());
    stores.directory().putUser(aUser("grace").with("manager", "ada").build());

    sync("ada");

    assertThat(announcing.users())
        .extracting(user -> user.path("userName").asText())
        .containsExactly("grace", "ada");
    assertThat(onTarget(announcing, "grace").has(ENTERPRISE)).isFalse();
    assertThat(managerOf("ada")).isEqualTo(remoteId("grace"));

    sync("grace");

    assertThat(managerOf("grace")).isEqualTo(remoteId("ada"));
    assertThat(announcing.users()).hasSize(2);
  }

  @Test
  void aManagerOutOfScopeLeavesTheUserWithoutManager() throws Exception {
    provider(announcing, "username != \"boss\"");
    stores.directory().putUser(boss().build());
    stores.directory().putUser(ada().build());

    sync("ada");

    assertThat(announcing.users()).hasSize(1);
    JsonNode ada = onTarget(announcing, "ada");
    assertThat(ada.path(ENTERPRISE).has("manager")).isFalse();
    assertThat(ada.path(ENTERPRISE).path("department").asText()).isEqualTo("R&D");
  }

  @Test
  void aFullSyncPageSendsTheManagersIdOnTheTarget() {
    provider(announcing);
    stores.directory().putUser(ada().build());
    stores.directory().putUser(boss().build());
    FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
    try (ProviderContexts contexts =
            new ProviderContexts(
                stores.providers(),
                metrics,
                RateLimiter.local(),
                TestSecurity.settings(),
                stores.directory());
        PageRunner runner =
            new PageRunner(
                new ObjectSync(
                    stores,
                    new ScimSchemaValidator(),
                    metrics,
                    new ProviderHealth(stores.quarantines(), clock),
                    clock),
                metrics,
                2,
                Pacing.defaults(16))) {
      List<SyncResult> results =
          runner.run(CrmUserPages.of(contexts, stores, List.of("ada", "boss")));

      assertThat(results).allMatch(result -> result.error() == null);
      assertThat(announcing.users()).hasSize(2);
      assertThat(managerOf("ada")).isEqualTo(remoteId("boss"));
    }
  }

  private static UserBuilder boss() {
    return aUser("boss").with("department", "Board");
  }

  private static UserBuilder ada() {
    return aUser("ada")
        .with("manager", "boss")
        .with("department", "R&D")
        .with("employeeNumber", "1815")
        .with("title", "Countess");
  }

  private String remoteId(String userId) {
    return stores.syncState().get("crm", ObjectType.USER, userId).orElseThrow().remoteId();
  }

  private String managerOf(String userName) {
    return onTarget(announcing, userName).path(ENTERPRISE).path("manager").path("value").asText();
  }

  private static JsonNode onTarget(ScimSdkServer target, String userName) {
    return target.users().stream()
        .filter(user -> user.path("userName").asText().equals(userName))
        .findFirst()
        .orElseThrow();
  }

  private void provider(ScimSdkServer target) {
    provider(target, null);
  }

  private void provider(ScimSdkServer target, String userFilter) {
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl().toString())
                .withCredential(Credential.inline(target.token()))
                .withUserFilter(userFilter)
                .build());
  }

  private void sync(String id) throws Exception {
    SyncObjectHandler handler = (SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class);
    handler.run(new SyncObjectRequest("crm", ObjectType.USER, id, null));
  }
}
