package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LoginLockoutTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final LoginLockout lockout = new LoginLockout(clock);

  @Test
  void theTenthFailureLocksThatClientOutForAMinuteAndNoOther() {
    for (int i = 0; i < 9; i++) lockout.failed("10.0.0.1");
    assertThat(lockout.lockedFor("10.0.0.1")).isEmpty();

    lockout.failed("10.0.0.1");

    assertThat(lockout.lockedFor("10.0.0.1")).contains(Duration.ofMinutes(1));
    assertThat(lockout.lockedFor("10.0.0.2")).isEmpty();
    clock.advance(Duration.ofSeconds(59));
    assertThat(lockout.lockedFor("10.0.0.1")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(lockout.lockedFor("10.0.0.1")).isEmpty();
  }

  @Test
  void failuresFurtherApartThanAMinuteAndASuccessStartTheCountAgain() {
    for (int i = 0; i < 9; i++) lockout.failed("10.0.0.1");
    clock.advance(Duration.ofSeconds(61));
    lockout.failed("10.0.0.1");
    assertThat(lockout.lockedFor("10.0.0.1")).isEmpty();

    for (int i = 0; i < 8; i++) lockout.failed("10.0.0.1");
    lockout.succeeded("10.0.0.1");
    lockout.failed("10.0.0.1");
    assertThat(lockout.lockedFor("10.0.0.1")).isEmpty();
  }

  @Test
  void theLoginMatchesOnlyTheExactUserAndPassword() {
    BasicLogin login = new BasicLogin("ops", "s3cret");

    assertThat(login.matches(basic("ops:s3cret"))).isTrue();
    assertThat(login.matches(basic("ops:s3cret2"))).isFalse();
    assertThat(login.matches(basic("ops:s3cre"))).isFalse();
    assertThat(login.matches(basic("OPS:s3cret"))).isFalse();
    assertThat(login.matches("Basic not-base64!")).isFalse();
    assertThat(login.matches(null)).isFalse();
    assertThat(login.matches("Bearer s3cret")).isFalse();
  }

  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }
}
