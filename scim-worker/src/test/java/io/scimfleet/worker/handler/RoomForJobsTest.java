package io.scimfleet.worker.handler;

import static io.scimfleet.worker.handler.ProviderJobSlotsTest.change;
import static io.scimfleet.worker.handler.ProviderJobSlotsTest.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The worker's fetch policy takes a job only with room for it in both counts: its provider's slots
 * and, for a page, the worker's share; what one counted for a job the other left is given back.
 */
class RoomForJobsTest {
  private final ProviderJobSlots slots = new ProviderJobSlots(2);
  private final PageShares shares = new PageShares(() -> 2); // a share of 4 of the 8-page window
  private final RoomForJobs room = new RoomForJobs(slots, shares);

  @Test
  void aPageWithinItsShareIsLeftWhenItsProvidersSlotsAreHeldByChanges() {
    assertThat(room.take(change("crm", "u1"), false)).isTrue();
    assertThat(room.take(change("crm", "u2"), false)).isTrue();

    assertThat(room.take(page("crm", 1), false)).isFalse();
    assertThat(shares.running("crm")).as("no place in the share counted for it").isZero();
  }

  @Test
  void aPageOverItsShareGivesBackTheSlotItWasCounted() {
    ProviderJobSlots manySlots = new ProviderJobSlots(8);
    RoomForJobs roomy = new RoomForJobs(manySlots, shares);
    for (int number = 1; number <= 4; number++)
      assertThat(roomy.take(page("crm", number), false)).isTrue();

    assertThat(roomy.take(page("crm", 5), false)).as("over its share of 4").isFalse();
    assertThat(manySlots.taken("crm")).as("the four pages' slots only").isEqualTo(4);
  }

  @Test
  void aPageAnotherServerGotGivesBackItsSlotAndItsPlace() {
    assertThat(room.take(page("crm", 1), false)).isTrue();

    room.lost(page("crm", 1));

    assertThat(slots.taken("crm")).isZero();
    assertThat(shares.running("crm")).isZero();
  }

  @Test
  void aFetchTakesAllUnreadOnlyWhenNeitherCountCanLeaveAJob() {
    assertThat(room.takesAll()).as("no page running, no slots held").isTrue();
    room.take(change("crm", "u1"), false);
    room.take(change("crm", "u2"), false);
    assertThat(room.takesAll()).isFalse();
  }
}
