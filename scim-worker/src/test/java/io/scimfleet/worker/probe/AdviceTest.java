package io.scimfleet.worker.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.scim.Capabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdviceTest {
  @Test
  void aTargetThatRefusesTheScratchUserGetsNoAdviceOnStepsNeverTried() {
    Advice advice =
        new Advice(
            List.of(Check.fails(Probe.USER_CREATE, "403: forbidden; nothing else could be tried")),
            Capabilities.defaults());

    assertThat(advice.switches()).isEmpty();
  }

  @Test
  void aBulkThatFailedIsSwitchedOffWithItsDetail() {
    Advice advice =
        new Advice(
            List.of(
                Check.works(Probe.USER_CREATE, "POST /Users → 2xx"),
                Check.fails(Probe.BULK, "not announced in /ServiceProviderConfig")),
            Capabilities.defaults());

    assertThat(advice.switches()).containsEntry("bulk", "off");
    assertThat(advice.reasons()).containsEntry("bulk", "not announced in /ServiceProviderConfig");
  }
}
