package io.scimfleet.scheduler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.job.ReleaseDeletionsRequest;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.ScimSdkServer;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deletion guard across the fleet: directory deletes go through the change feed, JobRunr and a
 * worker on the real Redis to a SCIM-SDK target; the release is a job like any other.
 */
class DeletionGuardIT {
  private static final Duration PATIENCE = Duration.ofSeconds(45);

  private ScimSdkServer target;
  private Fleet fleet;

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
    fleet = new Fleet(DeletionGuardIT.class, 1);
    fleet.addProvider(
        aProvider("crm")
            .at(target.baseUrl().toString())
            .withCredential(Credential.inline(target.token()))
            .withDeletionThreshold(10)
            .build());
  }

  @AfterEach
  void stop() {
    fleet.close();
    target.close();
  }

  @Test
  void losingTwentyPercentOfTheUsersSendsTenPercentHoldsTheRestAndTheReleaseSendsThem() {
    IntStream.range(0, 50).forEach(i -> fleet.stores.directory().putUser(aUser("u" + i).build()));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                target.users().size() == 50
                    && fleet.stores.syncState().count("crm", ObjectType.USER) == 50);

    IntStream.range(0, 10).forEach(i -> fleet.stores.directory().deleteUser("u" + i));

    await()
        .atMost(PATIENCE)
        .until(() -> fleet.stores.deletions().heldCount("crm") == 5 && target.users().size() == 45);
    assertThat(fleet.stores.pendingJobs().count("crm")).isZero();
    assertThat(target.users()).hasSize(45);

    fleet.scheduler.queue().enqueue(new ReleaseDeletionsRequest("crm"));

    await().atMost(PATIENCE).until(() -> target.users().size() == 40);
    assertThat(fleet.stores.deletions().heldCount("crm")).isZero();
  }
}
