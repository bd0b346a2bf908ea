package io.scimfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.ObjectType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deletion guard's window and held removals, for every {@link DeletionStore}. */
public abstract class DeletionStoreContractTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  protected DeletionStore deletions;

  protected abstract DeletionStore newDeletionStore();

  @BeforeEach
  void createStore() {
    deletions = newDeletionStore();
  }

  @Test
  public void removalsBeyondTheShareOfWhatTheTargetHeldWhenTheWindowBeganAreRefused() {
    List<Boolean> admitted = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      // each admitted delete took one object off the target: 100, 99, 98, ... are left
      long onTarget = 100 - admitted.stream().filter(a -> a).count();
      admitted.add(deletions.admit("crm", ObjectType.USER, "u" + i, true, 10, onTarget, HOUR, NOW));
    }
    assertThat(admitted.stream().filter(a -> a)).hasSize(10);
    assertThat(admitted.subList(10, 15)).containsOnly(false);
  }

  @Test
  public void deactivationsCountAgainstWhatIsStillOnTheTarget() {
    long admitted =
        IntStream.range(0, 15)
            .filter(
                i -> deletions.admit("crm", ObjectType.USER, "u" + i, false, 10, 100, HOUR, NOW))
            .count();

    assertThat(admitted).isEqualTo(10);
  }

  @Test
  public void theWindowSlidesAndAnObjectAlreadyCountedIsAdmittedAgain() {
    assertThat(deletions.admit("crm", ObjectType.USER, "u1", true, 50, 2, HOUR, NOW)).isTrue();
    assertThat(
            deletions.admit("crm", ObjectType.USER, "u2", true, 50, 1, HOUR, NOW.plusSeconds(60)))
        .isFalse();
    assertThat(
            deletions.admit("crm", ObjectType.USER, "u1", true, 50, 1, HOUR, NOW.plusSeconds(60)))
        .isTrue();
    assertThat(
            deletions.admit(
                "crm", ObjectType.USER, "u2", true, 50, 2, HOUR, NOW.plus(HOUR).plusSeconds(1)))
        .isTrue();
    assertThat(deletions.admit("other", ObjectType.USER, "u2", true, 50, 2, HOUR, NOW)).isTrue();
  }

  @Test
  public void workersCountingAtOnceAdmitNoMoreThanTheLimit() {
    List<CompletableFuture<Boolean>> counting = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = "u" + i;
      counting.add(
          CompletableFuture.supplyAsync(
              () -> deletions.admit("crm", ObjectType.USER, id, false, 10, 100, HOUR, NOW)));
    }
    assertThat(counting.stream().map(CompletableFuture::join).filter(a -> a)).hasSize(10);
  }

  @Test
  public void heldRemovalsKeepTheirFirstTimeAndComeOldestFirst() {
    deletions.hold(new HeldDeletion("crm", ObjectType.USER, "u2", "R-2", NOW.plusSeconds(5)));
    deletions.hold(new HeldDeletion("crm", ObjectType.GROUP, "g1", "R-G", NOW));
    deletions.hold(new HeldDeletion("crm", ObjectType.USER, "u2", "R-2b", NOW.plusSeconds(9)));

    assertThat(deletions.heldCount("crm")).isEqualTo(2);
    assertThat(deletions.held("crm", 10))
        .containsExactly(
            new HeldDeletion("crm", ObjectType.GROUP, "g1", "R-G", NOW),
            new HeldDeletion("crm", ObjectType.USER, "u2", "R-2b", NOW.plusSeconds(5)));
    assertThat(deletions.held("crm", 1)).hasSize(1);
    assertThat(deletions.heldCount("other")).isZero();
  }

  @Test
  public void unholdForgetsOneAndDropForgetsAll() {
    deletions.hold(new HeldDeletion("crm", ObjectType.USER, "u1", "R-1", NOW));
    deletions.hold(new HeldDeletion("crm", ObjectType.USER, "u2", null, NOW));

    assertThat(deletions.unhold("crm", ObjectType.USER, "u1")).isTrue();
    assertThat(deletions.unhold("crm", ObjectType.USER, "u1")).isFalse();
    assertThat(deletions.held("crm", 10))
        .extracting(HeldDeletion::objectId, HeldDeletion::remoteId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("u2", null));
    assertThat(deletions.dropHeld("crm")).isEqualTo(1);
    assertThat(deletions.heldCount("crm")).isZero();
  }

  @Test
  public void deletingTheProviderForgetsItsWindowAndItsHeldRemovals() {
    deletions.admit("crm", ObjectType.USER, "u1", true, 50, 2, HOUR, NOW);
    deletions.hold(new HeldDeletion("crm", ObjectType.USER, "u2", "R-2", NOW));

    deletions.deleteProvider("crm");

    assertThat(deletions.heldCount("crm")).isZero();
    assertThat(deletions.admit("crm", ObjectType.USER, "u3", true, 50, 2, HOUR, NOW)).isTrue();
  }
}
