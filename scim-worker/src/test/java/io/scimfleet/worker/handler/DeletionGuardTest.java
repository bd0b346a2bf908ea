package io.scimfleet.worker.handler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.ReleaseDeletionsHandler;
import io.scimfleet.job.ReleaseDeletionsRequest;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.ProviderBuilder;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deletion guard on the change path, against a SCIM server we did not write (SCIM-SDK): the
 * worker's handlers on in-memory stores (Redis ones in {@link RedisDeletionGuardTest}), called as
 * the job server would.
 */
class DeletionGuardTest {
  private static ScimSdkServer target;

  protected final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private Stores stores;
  private Worker worker;

  protected Stores newStores() {
    return Stores.inMemory(clock);
  }

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
    stores = newStores();
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
  void aMassDeleteThroughTheChangeFeedKeepsNinetyPercentOnTheTargetUntilReleased()
      throws Exception {
    provider(p -> p.withDeletionThreshold(10));
    syncUsers(500);

    deleteUsers(0, 150);

    assertThat(target.users()).hasSize(450);
    assertThat(stores.deletions().heldCount("crm")).isEqualTo(100);
    assertThat(stores.deletions().held("crm", 1))
        .extracting(HeldDeletion::remoteId)
        .doesNotContainNull();

    release();

    assertThat(target.users()).hasSize(350);
    assertThat(stores.deletions().heldCount("crm")).isZero();
    assertThat(stores.syncState().count("crm", ObjectType.USER)).isEqualTo(350);
  }

  @Test
  void theWindowSlidesAndLetsTheNextRemovalsGo() throws Exception {
    provider(p -> p.withDeletionThreshold(10).withDeletionWindow(Duration.ofMinutes(10)));
    syncUsers(20);
    deleteUsers(0, 3);
    assertThat(target.users()).hasSize(18);

    clock.advance(Duration.ofMinutes(11));
    deleteUsers(3, 4);

    assertThat(target.users()).hasSize(17);
  }

  @Test
  void aHeldUserBackInTheDirectoryIsUpdatedOnReleaseNotDeleted() throws Exception {
    provider(p -> p.withDeletionThreshold(0));
    syncUsers(3);
    deleteUsers(0, 1);
    assertThat(stores.deletions().heldCount("crm")).isEqualTo(1);

    stores.directory().putUser(aUser("u0").named("Back Again").build());
    release();

    assertThat(target.users()).hasSize(3);
    assertThat(target.users())
        .extracting(u -> u.path("userName").asText())
        .contains(stores.directory().user("u0").orElseThrow().username());
    assertThat(stores.deletions().heldCount("crm")).isZero();
  }

  @Test
  void aThresholdOfOneHundredTurnsTheGuardOff() throws Exception {
    provider(p -> p.withDeletionThreshold(100));
    syncUsers(10);

    deleteUsers(0, 10);

    assertThat(target.users()).isEmpty();
    assertThat(stores.deletions().heldCount("crm")).isZero();
  }

  @Test
  void aHeldRemovalSentOnceTheGuardIsTurnedOffIsNoLongerHeld() throws Exception {
    provider(p -> p.withDeletionThreshold(0));
    syncUsers(2);
    deleteUsers(0, 1);
    assertThat(stores.deletions().heldCount("crm")).isEqualTo(1);

    provider(p -> p.withDeletionThreshold(100));
    handler(SyncObjectHandler.class).run(new SyncObjectRequest("crm", ObjectType.USER, "u0", null));

    assertThat(target.users()).hasSize(1);
    assertThat(stores.deletions().heldCount("crm")).isZero();
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

  private void syncUsers(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      stores.directory().putUser(aUser("u" + i).build());
      handler(SyncObjectHandler.class)
          .run(new SyncObjectRequest("crm", ObjectType.USER, "u" + i, null));
    }
    assertThat(target.users()).hasSize(count);
  }

  /** As the change feed does: the remote id is taken when the user is deleted. */
  private void deleteUsers(int from, int to) {
    IntStream.range(from, to)
        .forEach(
            i -> {
              String remoteId =
                  stores.syncState().get("crm", ObjectType.USER, "u" + i).orElseThrow().remoteId();
              stores.directory().deleteUser("u" + i);
              try {
                handler(SyncObjectHandler.class)
                    .run(new SyncObjectRequest("crm", ObjectType.USER, "u" + i, remoteId));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
  }

  private void release() throws Exception {
    handler(ReleaseDeletionsHandler.class).run(new ReleaseDeletionsRequest("crm"));
  }

  private <T> T handler(Class<T> type) {
    return type.cast(worker.handlers().get(type));
  }
}
