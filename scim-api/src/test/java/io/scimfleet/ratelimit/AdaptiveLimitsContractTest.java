package io.scimfleet.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fleet's learned limit per host, for every {@link AdaptiveLimits}. */
public abstract class AdaptiveLimitsContractTest {
  private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

  protected abstract AdaptiveLimits newLimits();

  @Test
  public void aHostStartsAtTheInitialLimitAndGrowsByOnePerRoundOfSuccesses() {
    AdaptiveLimits limits = newLimits();

    assertThat(limits.report("crm.example", 0, false, T0)).isEqualTo(AdaptiveLimits.INITIAL);
    assertThat(limits.report("crm.example", 8, false, T0)).isCloseTo(9.0, within(1e-9));
  }

  @Test
  public void anOverloadCutsTheLimitOncePerCoolDown() {
    AdaptiveLimits limits = newLimits();

    double first = limits.report("crm.example", 0, true, T0);
    double sameBurst = limits.report("crm.example", 0, true, T0.plusMillis(500));
    double later = limits.report("crm.example", 0, true, T0.plus(AdaptiveLimits.COOL_DOWN));

    assertThat(first).isCloseTo(8 * 0.7, within(1e-9));
    assertThat(sameBurst).isCloseTo(first, within(1e-9));
    assertThat(later).isCloseTo(8 * 0.7 * 0.7, within(1e-9));
  }

  @Test
  public void successesThatCameWithAnOverloadNeverRaiseTheLimit() {
    AdaptiveLimits limits = newLimits();
    double cut = limits.report("crm.example", 0, true, T0);

    assertThat(limits.report("crm.example", 50, true, T0.plusMillis(100)))
        .isCloseTo(cut, within(1e-9));
  }

  @Test
  public void theLimitStaysBetweenOneAndTheMaximum() {
    AdaptiveLimits limits = newLimits();
    for (int i = 0; i < 20; i++) limits.report("down.example", 0, true, T0.plusSeconds(i));
    for (int i = 0; i < 100; i++) limits.report("up.example", 100_000, false, T0);

    assertThat(limits.report("down.example", 0, false, T0)).isEqualTo(AdaptiveLimits.MIN);
    assertThat(limits.report("up.example", 0, false, T0)).isEqualTo(AdaptiveLimits.MAX);
  }

  @Test
  public void hostsHaveTheirOwnLimit() {
    AdaptiveLimits limits = newLimits();
    limits.report("slow.example", 0, true, T0);

    assertThat(limits.report("fast.example", 0, false, T0)).isEqualTo(AdaptiveLimits.INITIAL);
  }

  @Test
  public void workersThatReportedRecentlyShareTheHost() {
    AdaptiveLimits limits = newLimits();

    assertThat(limits.workers("crm.example", "w1", T0)).isEqualTo(1);
    assertThat(limits.workers("crm.example", "w2", T0.plusSeconds(1))).isEqualTo(2);
    assertThat(limits.workers("other.example", "w3", T0.plusSeconds(1))).isEqualTo(1);
    Duration past = AdaptiveLimits.WORKER_TTL.plusSeconds(2);
    assertThat(limits.workers("crm.example", "w2", T0.plus(past))).isEqualTo(1);
  }
}
