package io.scimfleet.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The warm-up runs the real per-object work on made-up users, within its budget. */
class JitWarmUpTest {
  @Test
  void itMapsChecksAndHashesUsersUntilItsCount() {
    assertThat(JitWarmUp.run(Duration.ofMinutes(1))).isEqualTo(JitWarmUp.USERS);
  }

  @Test
  void itStopsAtItsBudget() {
    assertThat(JitWarmUp.run(Duration.ZERO)).isZero();
  }
}
