package io.scimfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FleetMetricsTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final FleetMetrics metrics = new FleetMetrics(registry);

  @Test
  void recordingAgainUpdatesTheMeterBuiltTheFirstTime() {
    metrics.objectSynced("slack", ObjectType.USER, SyncOutcome.CREATED);
    Counter first = registry.get(FleetMetrics.OBJECTS).tag("outcome", "created").counter();
    metrics.objectSynced("slack", ObjectType.USER, SyncOutcome.CREATED);
    metrics.objectSynced("slack", ObjectType.USER, SyncOutcome.UPDATED);

    assertThat(registry.get(FleetMetrics.OBJECTS).tag("outcome", "created").counter())
        .isSameAs(first);
    assertThat(first.count()).isEqualTo(2);
    assertThat(first.getId().getDescription()).isEqualTo("Objects synced to a target, by outcome");
    assertThat(registry.get(FleetMetrics.OBJECTS).counters()).hasSize(2);
  }

  @Test
  void everyMeterCarriesItsDescription() {
    recordEverything("slack");

    assertThat(names(Search.in(registry).meters())).isEqualTo(FleetMeters.DESCRIPTIONS.keySet());
    assertThat(registry.getMeters())
        .filteredOn(meter -> !meter.getId().getName().endsWith(".histogram"))
        .allSatisfy(
            meter ->
                assertThat(meter.getId().getDescription())
                    .isEqualTo(FleetMeters.DESCRIPTIONS.get(meter.getId().getName())));
  }

  @Test
  void forgettingAProviderRemovesEverySeriesTaggedWithIt() {
    recordEverything("slack");
    recordEverything("okta");
    Counter foreign =
        Counter.builder("httpcomponents.httpclient.pool.other")
            .tag("provider", "slack")
            .register(registry);

    metrics.forget("slack");

    assertThat(Search.in(registry).tag("provider", "slack").meters()).isEmpty();
    assertThat(registry.getMeters()).doesNotContain(foreign);
    assertThat(names(Search.in(registry).tag("provider", "okta").meters()))
        .isEqualTo(FleetMeters.DESCRIPTIONS.keySet());
  }

  @Test
  void aForgottenProviderCountsFromZeroWhenItComesBack() {
    metrics.retry("slack");
    metrics.forget("slack");

    metrics.retry("slack");

    assertThat(registry.get(FleetMetrics.RETRIES).tag("provider", "slack").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aGaugeIsReadOnEveryScrapeAndAFailingOneReadsNaN() {
    AtomicInteger pending = new AtomicInteger(3);
    metrics.pendingJobs("slack", pending, AtomicInteger::get);
    metrics.quarantined(
        "slack",
        pending,
        value -> {
          throw new IllegalStateException("store down");
        });
    pending.set(5);

    assertThat(registry.get(FleetMetrics.PENDING_JOBS).gauge().value()).isEqualTo(5);
    assertThat(registry.get(FleetMetrics.QUARANTINED).gauge().value()).isNaN();
  }

  @Test
  void anUnboundFleetMetricsRecordsNowhereAndBindsOnce() {
    FleetMetrics unbound = new FleetMetrics();
    unbound.retry("slack");

    MeterRegistry later = new SimpleMeterRegistry();
    unbound.bindTo(later);
    unbound.retry("slack");

    assertThat(later.get(FleetMetrics.RETRIES).counter().count()).isEqualTo(1);
    assertThatThrownBy(() -> unbound.bindTo(registry)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void statusClassesAreBounded() {
    assertThat(FleetMetrics.statusClass(-1)).isEqualTo("io_error");
    assertThat(FleetMetrics.statusClass(429)).isEqualTo("429");
    assertThat(FleetMetrics.statusClass(404)).isEqualTo("4xx");
    assertThat(FleetMetrics.statusClass(201)).isEqualTo("2xx");
  }

  /** Meter names, without the SLO bucket gauges a SimpleMeterRegistry adds for a timer. */
  private static Set<String> names(Collection<Meter> meters) {
    return meters.stream()
        .map(meter -> meter.getId().getName())
        .filter(name -> !name.endsWith(".histogram"))
        .collect(Collectors.toSet());
  }

  private void recordEverything(String provider) {
    metrics.objectSynced(provider, ObjectType.USER, SyncOutcome.CREATED);
    metrics.request(provider, "POST", 201, Duration.ofMillis(40));
    metrics.request(provider, "PATCH", 429, Duration.ofMillis(5));
    metrics.retry(provider);
    metrics.rateLimitWait(provider, Duration.ofSeconds(2));
    metrics.fullSyncFinished(
        provider, "succeeded", Duration.ofMinutes(3), Instant.ofEpochSecond(1_700_000_000));
    metrics.fullSyncInterval(provider, Duration.ofHours(1));
    metrics.pendingJobs(provider, 7, Integer::doubleValue);
    metrics.quarantined(provider, 0, Integer::doubleValue);
    metrics.deletionsHeld(provider, 0, Integer::doubleValue);
    metrics.propagated(provider, "deprovision", Duration.ofSeconds(12));
    metrics.driftChecked(provider, true, Instant.ofEpochSecond(1_700_000_100));
    metrics.driftChecked(provider, false, Instant.ofEpochSecond(1_700_000_200));
  }

  @Test
  void propagationLagHasTheBucketsItsAlertsAskFor() {
    metrics.propagated("slack", "deprovision", Duration.ofSeconds(12));
    metrics.propagated("slack", "deprovision", Duration.ofMinutes(7));

    Timer lag = registry.get(FleetMetrics.PROPAGATION).tag("action", "deprovision").timer();
    assertThat(lag.count()).isEqualTo(2);
    assertThat(lag.takeSnapshot().histogramCounts())
        .anySatisfy(
            bucket -> {
              assertThat(bucket.bucket(TimeUnit.SECONDS)).isEqualTo(300.0);
              assertThat(bucket.count()).isEqualTo(1.0);
            });
  }
}
