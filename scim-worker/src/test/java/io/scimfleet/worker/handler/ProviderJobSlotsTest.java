package io.scimfleet.worker.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncObjectsRequest;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.ObjectType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A provider's job slots: taken up to the limit, given back one by one, never below none; weighed
 * at the fetch, where a job whose provider holds all its slots here is left for a worker with room.
 */
class ProviderJobSlotsTest {
  private final ProviderJobSlots slots = new ProviderJobSlots(2);

  @Test
  void slotsAreTakenUpToTheLimitAndFreedByRelease() {
    assertThat(slots.tryTake("crm")).isTrue();
    assertThat(slots.tryTake("crm")).isTrue();
    assertThat(slots.tryTake("crm")).isFalse();
    assertThat(slots.tryTake("hr")).as("another provider's slots").isTrue();

    slots.release("crm");

    assertThat(slots.taken("crm")).isEqualTo(1);
    assertThat(slots.tryTake("crm")).isTrue();
  }

  @Test
  void aReleaseWithoutATakenSlotSaysSoAndFreesNothing() {
    assertThatThrownBy(() -> slots.release("crm"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no job slot of provider crm is taken: a release without a take");

    assertThat(slots.tryTake("crm")).isTrue();
    slots.release("crm");
    assertThatThrownBy(() -> slots.release("crm")).isInstanceOf(IllegalStateException.class);
    assertThat(slots.taken("crm")).isZero();
  }

  @Test
  void aFetchLeavesTheJobsOfAProviderThatHoldsAllItsSlotsHere() {
    slots.tryTake("crm");
    slots.tryTake("crm");

    assertThat(slots.take(change("crm", "u1"), false)).as("a change").isFalse();
    assertThat(slots.take(page("crm", 1), false)).as("a full sync's page").isFalse();
    assertThat(
            slots.take(
                new SyncObjectsRequest(
                    "crm", List.of(new SyncObjectsRequest.Item(ObjectType.USER, "u9", null))),
                false))
        .as("an import batch")
        .isFalse();
    assertThat(slots.take(new FullSyncRequest("crm", null, false, null), false))
        .as("a job that holds no slot")
        .isTrue();
    assertThat(slots.take(change("hr", "u1"), false)).as("another provider's job").isTrue();
    assertThat(slots.taken("crm")).isEqualTo(2);
  }

  @Test
  void aJobTakenAtItsFetchHoldsItsSlotFromThenAndItsHandlerUsesIt() {
    SyncObjectRequest first = change("crm", "u1");
    SyncPageRequest second = page("crm", 1);

    assertThat(slots.take(first, false)).isTrue();
    assertThat(slots.take(second, false)).isTrue();
    assertThat(slots.take(change("crm", "u3"), false))
        .as("both slots counted from the fetch, before either job runs")
        .isFalse();

    assertThat(slots.tryTake(first, Duration.ZERO)).as("the slot its fetch counted").isTrue();
    assertThat(slots.tryTake(second, Duration.ZERO)).isTrue();
    assertThat(slots.taken("crm")).isEqualTo(2);
    slots.release("crm");
    slots.release("crm");
    assertThat(slots.taken("crm")).isZero();
  }

  @Test
  void aJobAnotherServerGotGivesItsSlotBack() {
    SyncObjectRequest change = change("crm", "u1");
    assertThat(slots.take(change, false)).isTrue();

    slots.lost(change);

    assertThat(slots.taken("crm")).isZero();
    assertThat(slots.tryTake(change, Duration.ZERO))
        .as("taken again, not through its lost reservation")
        .isTrue();
    assertThat(slots.taken("crm")).isEqualTo(1);
  }

  @Test
  void anOverdueChangeIsTakenIntoFullSlotsUncountedButAnOverduePageIsLeft() {
    slots.tryTake("crm");
    slots.tryTake("crm");
    SyncObjectRequest change = change("crm", "u1");

    assertThat(slots.take(change, true))
        .as("an overdue change: its handler waits for a slot or hands it back")
        .isTrue();
    assertThat(slots.take(page("crm", 1), true))
        .as("a page waits for the first slot freed in the fleet")
        .isFalse();
    assertThat(slots.taken("crm")).isEqualTo(2);
    assertThat(slots.tryTake(change, Duration.ZERO)).as("no slot was counted for it").isFalse();
  }

  @Test
  void aFetchTakesAllUnreadOnlyWhileNoProviderHoldsAllItsSlots() {
    assertThat(slots.takesAll()).isTrue();
    slots.take(change("crm", "u1"), false);
    assertThat(slots.takesAll()).isTrue();
    slots.take(change("crm", "u2"), false);
    assertThat(slots.takesAll()).isFalse();
  }

  static SyncObjectRequest change(String provider, String user) {
    return new SyncObjectRequest(provider, ObjectType.USER, user, null);
  }

  static SyncPageRequest page(String provider, int number) {
    return new SyncPageRequest(
        provider, "r1", ObjectType.USER, number, 8, List.of("u" + number), false, 8);
  }
}
