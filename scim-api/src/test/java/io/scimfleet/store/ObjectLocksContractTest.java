package io.scimfleet.store;

import static io.scimfleet.model.ObjectType.GROUP;
import static io.scimfleet.model.ObjectType.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scimfleet.store.ObjectLocks.Lock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One writer per (provider, object), for every {@link ObjectLocks}. */
public abstract class ObjectLocksContractTest {
  protected static final Duration LEASE = Duration.ofSeconds(30);
  protected static final Duration SHORT_LEASE = Duration.ofMillis(300);

  protected ObjectLocks locks;

  protected abstract ObjectLocks newLocks();

  /** Lets {@code duration} pass for the leases: moves the clock, or lets real time pass. */
  protected abstract void passTime(Duration duration);

  @BeforeEach
  void createLocks() {
    locks = newLocks();
  }

  @Test
  public void aLockIsExclusiveBetweenTwoHolders() {
    Optional<Lock> first = acquire("u1", LEASE);

    assertThat(first).isPresent();
    assertThat(acquire("u1", LEASE)).isEmpty();
  }

  @Test
  public void locksOfOtherObjectsProvidersAndTypesAreIndependent() {
    acquire("u1", LEASE);

    assertThat(acquire("u2", LEASE)).isPresent();
    assertThat(locks.acquire("github", USER, "u1", LEASE, Duration.ZERO)).isPresent();
    assertThat(locks.acquire("slack", GROUP, "u1", LEASE, Duration.ZERO)).isPresent();
  }

  @Test
  public void acquireFreeTakesTheFreeLocksAtOnceAndLeavesOutTheHeldOnes() {
    Lock other = acquire("u2", LEASE).orElseThrow();

    try (ObjectLocks.Locks page =
        locks.acquireFree("slack", USER, List.of("u1", "u2", "u3"), LEASE)) {
      assertThat(page.held()).containsExactly("u1", "u3");
      assertThat(acquire("u1", LEASE)).isEmpty();
      assertThat(acquire("u3", LEASE)).isEmpty();
    }

    assertThat(acquire("u1", LEASE)).isPresent();
    assertThat(acquire("u3", LEASE)).isPresent();
    assertThat(acquire("u2", LEASE))
        .as("closing the page's locks leaves the other holder's")
        .isEmpty();
    other.close();
  }

  @Test
  public void aPageOfLocksHoldsOneTokenAndAHeldListNobodyCanChange() {
    try (ObjectLocks.Locks page = locks.acquireFree("slack", USER, List.of("u1", "u2"), LEASE)) {
      assertThat(page.token()).isNotBlank();
      assertThatThrownBy(() -> page.held().add("u9"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(page.held()).containsExactly("u1", "u2");
    }
  }

  @Test
  public void closingALockReleasesIt() {
    acquire("u1", LEASE).orElseThrow().close();

    assertThat(acquire("u1", LEASE)).isPresent();
  }

  @Test
  public void aLockExpiresAfterItsLease() {
    acquire("u1", SHORT_LEASE);
    passTime(SHORT_LEASE);

    await().atMost(30, TimeUnit.SECONDS).until(() -> acquire("u1", LEASE).isPresent());
  }

  @Test
  public void aHolderWhoseLeaseRanOutCannotReleaseTheNextHoldersLock() {
    Lock expired = acquire("u1", SHORT_LEASE).orElseThrow();
    passTime(SHORT_LEASE);
    await().atMost(30, TimeUnit.SECONDS).until(() -> acquire("u1", LEASE).isPresent());

    expired.close();

    assertThat(acquire("u1", LEASE)).isEmpty();
  }

  @Test
  public void aWaiterGetsTheLockWhenItIsReleased() throws Exception {
    Lock held = acquire("u1", LEASE).orElseThrow();
    CompletableFuture<Optional<Lock>> waiting =
        CompletableFuture.supplyAsync(
            () -> locks.acquire("slack", USER, "u1", LEASE, Duration.ofSeconds(10)));

    held.close();

    assertThat(waiting.get(10, TimeUnit.SECONDS)).isPresent();
  }

  @Test
  public void aRenewedLeaseOutlivesItsFirstLeaseAndALostOneCannotBeRenewed() {
    Duration firstLease = Duration.ofSeconds(1);
    Lock lock = acquire("u1", firstLease).orElseThrow();

    // renewed to a long lease at once, so a loaded machine's late wake-up cannot outrun it
    assertThat(lock.renew(LEASE)).isTrue();
    passTime(firstLease.plusMillis(200)); // past the first lease, well within the renewed one

    assertThat(acquire("u1", LEASE)).as("still held after its first lease").isEmpty();
    assertThat(lock.renew(SHORT_LEASE)).isTrue();
    passTime(SHORT_LEASE.plusMillis(100));
    assertThat(lock.renew(SHORT_LEASE)).as("ran out: not renewed").isFalse();
    Optional<Lock> next = acquire("u1", LEASE);
    assertThat(next).isPresent();
    assertThat(lock.renew(SHORT_LEASE)).as("never the next holder's lease").isFalse();
    next.get().close();
  }

  private Optional<Lock> acquire(String objectId, Duration lease) {
    return locks.acquire("slack", USER, objectId, lease, Duration.ZERO);
  }
}
