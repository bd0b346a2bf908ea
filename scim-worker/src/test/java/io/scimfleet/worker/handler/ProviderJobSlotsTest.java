package io.scimfleet.worker.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A provider's job slots: taken up to the limit, given back one by one, never below none. */
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
}
