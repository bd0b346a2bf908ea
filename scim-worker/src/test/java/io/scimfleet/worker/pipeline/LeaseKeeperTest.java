package io.scimfleet.worker.pipeline;

import static io.scimfleet.model.ObjectType.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.store.InMemoryObjectLocks;
import io.scimfleet.store.ObjectLocks;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 5: a lock held by a sync that takes longer than its lease (a slow, rate-limited
 * request) is renewed, so no second worker takes the object meanwhile.
 */
class LeaseKeeperTest {
  /**
   * Renewed every third (333 ms): a renewal may come up to 667 ms late on a loaded machine before
   * the lock is lost (200 ms with the 300 ms lease this test had).
   */
  private static final Duration LEASE = Duration.ofSeconds(1);

  private final ObjectLocks locks = new InMemoryObjectLocks(Clock.systemUTC());

  @Test
  void aLockKeptPastFourLeasesIsStillHeldAndFreeOnceClosed() {
    ObjectLocks.Lock kept =
        LeaseKeeper.kept(
            locks.acquire("crm", USER, "u1", LEASE, Duration.ZERO).orElseThrow(), LEASE, "user u1");

    await().pollDelay(LEASE.multipliedBy(4)).atMost(Duration.ofSeconds(30)).until(() -> true);

    assertThat(locks.acquire("crm", USER, "u1", LEASE, Duration.ZERO))
        .as("a second worker finds the object busy")
        .isEmpty();
    kept.close();
    assertThat(locks.acquire("crm", USER, "u1", LEASE, Duration.ZERO)).isPresent();
  }

  @Test
  void withoutKeepingTheLeaseRunsOut() {
    assertThat(locks.acquire("crm", USER, "u2", LEASE, Duration.ZERO)).isPresent();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> locks.acquire("crm", USER, "u2", LEASE, Duration.ZERO).isPresent());
  }
}
