package io.scimfleet.metrics;

import static io.scimfleet.metrics.FleetMetrics.DELETIONS_HELD;
import static io.scimfleet.metrics.FleetMetrics.FULL_SYNC_DURATION;
import static io.scimfleet.metrics.FleetMetrics.FULL_SYNC_INTERVAL;
import static io.scimfleet.metrics.FleetMetrics.FULL_SYNC_LAST_SUCCESS;
import static io.scimfleet.metrics.FleetMetrics.FULL_SYNC_RUNS;
import static io.scimfleet.metrics.FleetMetrics.OBJECTS;
import static io.scimfleet.metrics.FleetMetrics.PENDING_JOBS;
import static io.scimfleet.metrics.FleetMetrics.PROPAGATION;
import static io.scimfleet.metrics.FleetMetrics.QUARANTINED;
import static io.scimfleet.metrics.FleetMetrics.RATE_LIMIT_WAIT;
import static io.scimfleet.metrics.FleetMetrics.RATE_LIMIT_WAITS;
import static io.scimfleet.metrics.FleetMetrics.REQUESTS;
import static io.scimfleet.metrics.FleetMetrics.RETRIES;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Each kind of meter of ours, described once and built once per registry; tags come per use. */
record FleetMeters(
    MeterRegistry registry,
    MeterProvider<Counter> objects,
    MeterProvider<Timer> requests,
    MeterProvider<Counter> retries,
    MeterProvider<Counter> rateLimitWaits,
    MeterProvider<Counter> rateLimitWaitSeconds,
    MeterProvider<Counter> fullSyncRuns,
    MeterProvider<Timer> fullSyncDuration,
    MeterProvider<Timer> propagation) {

  static final Map<String, String> DESCRIPTIONS =
      Map.ofEntries(
          Map.entry(OBJECTS, "Objects synced to a target, by outcome"),
          Map.entry(REQUESTS, "SCIM requests sent to targets, by method and status class"),
          Map.entry(RETRIES, "Requests retried after a transient failure"),
          Map.entry(RATE_LIMIT_WAITS, "Times a request waited for the target's rate limit"),
          Map.entry(RATE_LIMIT_WAIT, "Time spent waiting for rate limits"),
          Map.entry(FULL_SYNC_RUNS, "Full sync runs, by outcome"),
          Map.entry(FULL_SYNC_DURATION, "Duration of full sync runs"),
          Map.entry(
              PROPAGATION,
              "Time from a directory write to the target's acknowledgement, by action"),
          Map.entry(
              FULL_SYNC_LAST_SUCCESS,
              "Time of the provider's last successful full sync (Unix seconds)"),
          Map.entry(FULL_SYNC_INTERVAL, "Period of the provider's recurring full sync"),
          Map.entry(
              FleetMetrics.DRIFT_FULL_CHECK,
              "Time the provider's last full read of the target by the drift check started (Unix seconds)"),
          Map.entry(
              FleetMetrics.DRIFT_INCREMENTAL_CHECK,
              "Time the provider's last drift check of what changed on the target started (Unix seconds)"),
          Map.entry(PENDING_JOBS, "Per-object sync jobs waiting to run"),
          Map.entry(QUARANTINED, "1 while the provider is quarantined, else 0"),
          Map.entry(
              DELETIONS_HELD,
              "Removals the provider's deletion guard holds until an operator releases or drops them"));

  private static final Duration[] LATENCY_SLOS = {
    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
    Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)
  };

  /** Buckets of the propagation lag: seconds for a change, up to an hour for a slow target. */
  private static final Duration[] PROPAGATION_SLOS = {
    Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
    Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
    Duration.ofMinutes(30), Duration.ofHours(1)
  };

  FleetMeters(MeterRegistry registry) {
    this(
        registry,
        counter(OBJECTS).withRegistry(registry),
        timer(REQUESTS).serviceLevelObjectives(LATENCY_SLOS).withRegistry(registry),
        counter(RETRIES).withRegistry(registry),
        counter(RATE_LIMIT_WAITS).withRegistry(registry),
        counter(RATE_LIMIT_WAIT).baseUnit("seconds").withRegistry(registry),
        counter(FULL_SYNC_RUNS).withRegistry(registry),
        timer(FULL_SYNC_DURATION).withRegistry(registry),
        timer(PROPAGATION)
            .serviceLevelObjectives(PROPAGATION_SLOS)
            .maximumExpectedValue(Duration.ofHours(1))
            .withRegistry(registry));
  }

  /** A provider's gauge of a value in seconds, held by {@code value}. */
  void secondsGauge(String name, AtomicLong value, String provider) {
    Gauge.builder(name, value, AtomicLong::get)
        .baseUnit("seconds")
        .description(DESCRIPTIONS.get(name))
        .tag(FleetMetrics.PROVIDER, provider)
        .strongReference(true)
        .register(registry);
  }

  /**
   * Registers the page pool's two timers before {@link
   * io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics} does, which gives them none,
   * so that they carry a description (Prometheus' HELP).
   */
  void describePagePoolTimers() {
    Timer.builder("executor")
        .description("Time the page pool's tasks ran")
        .tag("name", FleetMetrics.PAGE_POOL)
        .register(registry);
    Timer.builder("executor.idle")
        .description("Time the page pool's tasks waited in its queue")
        .tag("name", FleetMetrics.PAGE_POOL)
        .register(registry);
  }

  private static Counter.Builder counter(String name) {
    return Counter.builder(name).description(DESCRIPTIONS.get(name));
  }

  private static Timer.Builder timer(String name) {
    return Timer.builder(name).description(DESCRIPTIONS.get(name));
  }
}
