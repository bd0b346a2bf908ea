package io.scimfleet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PacingTest {
  @Test
  void defaultsGiveAProviderHalfTheThreadsTenSecondWaitsInTheJobAndADayOfRetries() {
    Pacing pacing = Pacing.fromEnv(Map.of(), 16);

    assertThat(pacing).isEqualTo(new Pacing(8, Duration.ofSeconds(10), 5, Duration.ofHours(24)));
    assertThat(Pacing.fromEnv(Map.of(), 1).jobsPerProvider()).isEqualTo(1);
  }

  @Test
  void settingsReadDurationsInShortFormOrIso() {
    Pacing pacing =
        Pacing.fromEnv(
            Map.of(
                "SCIM_JOBS_PER_PROVIDER",
                "3",
                "SCIM_RETRY_WAIT_IN_JOB",
                "30s",
                "SCIM_RETRY_FOR",
                "2d"),
            16);

    assertThat(pacing.jobsPerProvider()).isEqualTo(3);
    assertThat(pacing.longestWaitInJob()).isEqualTo(Duration.ofSeconds(30));
    assertThat(pacing.retryFor()).isEqualTo(Duration.ofDays(2));
    assertThat(Pacing.fromEnv(Map.of("SCIM_RETRY_FOR", "PT90M"), 16).retryFor())
        .isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void aDurationThatIsNoneSaysWhatIsExpected() {
    assertThatThrownBy(() -> Pacing.fromEnv(Map.of("SCIM_RETRY_FOR", "forever"), 16))
        .hasMessageContaining("SCIM_RETRY_FOR must be a duration such as 90s");
  }
}
