package io.scimfleet.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The periodic report goes to the fleet only when it would change the limit, or as a heartbeat. */
class HostConcurrencyTest {
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  private final CountingLimits limits = new CountingLimits();
  private final HostConcurrency host = new HostConcurrency("crm.example");

  @Test
  void theFirstReportGoesAtOnceThenOnlyAHeartbeatWhileNothingChanges() {
    periodic(T0);
    periodic(T0.plusMillis(250));
    periodic(T0.plusMillis(750));
    assertThat(limits.reports).isEqualTo(1);

    periodic(T0.plusSeconds(1));
    assertThat(limits.reports).isEqualTo(2);
  }

  @Test
  void successesWaitUntilTheyRaiseTheLimitByOneAndAreNotLost() {
    periodic(T0);
    answer(200, 5); // the limit is 8: five successes would raise it by 5/8
    periodic(T0.plusMillis(250));
    assertThat(limits.reports).isEqualTo(1);

    answer(200, 3);
    periodic(T0.plusMillis(500));
    assertThat(limits.reports).isEqualTo(2);
    assertThat(limits.successes).isEqualTo(8);
    assertThat(host.limit()).isEqualTo(AdaptiveLimits.INITIAL + 1);
  }

  @Test
  void withFourWorkersEachWorkersShareGrowsAsOneWorkersLimitAlone() {
    for (String other : new String[] {"a", "b", "c"}) limits.workers("crm.example", other, T0);
    periodic(T0);
    assertThat(host.allowed()).as("8 shared by 4").isEqualTo(2);

    answer(200, 2); // a round of its share: the fleet limit grows by 1 (by 4 when all four report)
    periodic(T0.plusMillis(250));

    assertThat(limits.reports).isEqualTo(2);
    assertThat(host.limit()).isEqualTo(AdaptiveLimits.INITIAL + 1);
  }

  @Test
  void anOverloadIsReportedAtOnce() {
    periodic(T0);
    answer(429, 1);
    periodic(T0.plusMillis(250));
    assertThat(limits.reports).isEqualTo(2);
    assertThat(host.limit()).isLessThan(AdaptiveLimits.INITIAL);
  }

  @Test
  void aForcedReportAlwaysGoes() {
    host.reconcile(limits, "w", T0, HEARTBEAT, true);
    host.reconcile(limits, "w", T0, HEARTBEAT, true);
    assertThat(limits.reports).isEqualTo(2);
  }

  private void periodic(Instant now) {
    host.reconcile(limits, "w", now, HEARTBEAT, false);
  }

  private void answer(int status, int times) {
    for (int i = 0; i < times; i++) {
      host.acquire(1000);
      host.release(status, Duration.ofMillis(20));
    }
  }

  /** The in-memory limits, counting the reports and the successes they carried. */
  private static final class CountingLimits implements AdaptiveLimits {
    private final LocalAdaptiveLimits local = new LocalAdaptiveLimits();
    int reports;
    int successes;

    @Override
    public double report(String host, int successes, boolean overloaded, Instant now) {
      reports++;
      this.successes += successes;
      return local.report(host, successes, overloaded, now);
    }

    @Override
    public int workers(String host, String worker, Instant now) {
      return local.workers(host, worker, now);
    }
  }
}
