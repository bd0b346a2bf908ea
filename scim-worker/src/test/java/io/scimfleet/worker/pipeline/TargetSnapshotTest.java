package io.scimfleet.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TargetSnapshotTest {
  @Test
  void aTimeWithItsOffsetIsReadAtThatOffset() {
    assertThat(TargetSnapshot.dateTime("2026-12-06T13:00:00.250+01:00"))
        .isEqualTo(Instant.parse("2026-12-06T12:00:00.250Z"));
  }

  @Test
  void aTimeWithoutAnOffsetIsReadAsUtcSoTheTargetsTimesStillOrder() {
    Instant earlier = TargetSnapshot.dateTime("2026-12-06T12:00:00.123");
    Instant later = TargetSnapshot.dateTime("2026-12-06T12:00:01");
    assertThat(earlier).isEqualTo(Instant.parse("2026-12-06T12:00:00.123Z"));
    assertThat(later).isAfter(earlier);
  }

  @Test
  void somethingElseIsNoTime() {
    assertThat(TargetSnapshot.dateTime("yesterday")).isNull();
    assertThat(TargetSnapshot.dateTime("2026-12-06")).isNull();
  }
}
