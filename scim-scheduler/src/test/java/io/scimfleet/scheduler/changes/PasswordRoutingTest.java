package io.scimfleet.scheduler.changes;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.Change;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A password change is routed like its user's; the providers with syncPasswords that get the job
 * are the ones that want it.
 */
class PasswordRoutingTest {
  private final Stores stores = Stores.inMemory();
  private final ChangeRouter router = new ChangeRouter(stores);
  private String change;

  @BeforeEach
  void providersAndAUserWithANewPassword() {
    stores.providers().put(aProvider("wants").syncingPasswords().build());
    stores.providers().put(aProvider("also").syncingPasswords().build());
    stores
        .providers()
        .put(
            aProvider("out-of-scope")
                .syncingPasswords()
                .withUserFilter("username = 'nobody'")
                .build());
    stores.providers().put(aProvider("plain").build());
    stores.providers().put(aProvider("off").syncingPasswords().disabled().build());
    stores.directory().putUser(aUser("u1").build());
    change = stores.passwords().put("u1", "sealed:v1:k:abc", Duration.ofHours(1));
  }

  @Test
  void thePasswordChangeRoutesTheUserToEveryConcernedProvider() {
    List<SyncObjectRequest> jobs = router.route(List.of(Change.password("u1")), false);

    assertThat(jobs)
        .extracting(SyncObjectRequest::provider)
        .containsExactlyInAnyOrder("wants", "also", "plain");
    assertThat(jobs).allMatch(job -> job.type() == ObjectType.USER && job.objectId().equals("u1"));
  }

  @Test
  void onlyTheProvidersWithSyncPasswordsThatGetTheJobWantIt() {
    router.route(List.of(Change.password("u1")), false);

    stores.passwords().done("u1", change, "wants");
    assertThat(stores.passwords().pending("u1", "also")).isPresent();
    stores.passwords().done("u1", change, "also");

    assertThat(stores.passwords().pending("u1", "out-of-scope")).isEmpty();
    assertThat(stores.passwords().dropExpired(Instant.now().plus(Duration.ofDays(1)), 10))
        .isEmpty();
  }

  @Test
  void whenNobodyWantsItThePasswordIsDeletedAtOnce() {
    stores.providers().delete("wants");
    stores.providers().delete("also");

    router.route(List.of(Change.password("u1")), false);

    assertThat(stores.passwords().pending("u1", "plain")).isEmpty();
  }

  @Test
  void thePasswordOfAUserThatIsGoneIsDeleted() {
    stores.directory().deleteUser("u1");

    router.route(List.of(Change.password("u1")), false);

    assertThat(stores.passwords().pending("u1", "wants")).isEmpty();
  }

  @Test
  void aDropIsRecordedOnEachProviderThatWantedThePasswordAndNeverGotIt() {
    router.route(List.of(Change.password("u1")), false);
    stores.passwords().done("u1", change, "wants");

    assertThat(new ExpiredPasswords(stores).dropDue(Instant.now().plus(Duration.ofHours(2))))
        .isEqualTo(1);

    assertThat(stores.syncState().get("also", ObjectType.USER, "u1"))
        .map(ObjectSyncState::password)
        .contains(ExpiredPasswords.DROPPED);
    assertThat(stores.syncState().get("wants", ObjectType.USER, "u1")).isEmpty();
    assertThat(stores.syncState().get("plain", ObjectType.USER, "u1")).isEmpty();
    assertThat(stores.passwords().dropExpired(Instant.now().plus(Duration.ofHours(2)), 10))
        .isEmpty();
  }
}
