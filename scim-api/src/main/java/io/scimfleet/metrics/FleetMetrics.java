package io.scimfleet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Every metric of ours, named and described once. Tags are bounded: provider, object type,
 * outcome, method, status class; never a user, group or job id. Recording never throws to the caller.
 */
public final class FleetMetrics {
  public static final String OBJECTS = "scim.sync.objects";
  public static final String REQUESTS = "scim.requests";
  public static final String RETRIES = "scim.retries";
  public static final String RATE_LIMIT_WAITS = "scim.rate.limit.waits";
  public static final String RATE_LIMIT_WAIT = "scim.rate.limit.wait";
  public static final String FULL_SYNC_RUNS = "scim.full.sync.runs";
  public static final String FULL_SYNC_DURATION = "scim.full.sync.duration";
  public static final String FULL_SYNC_LAST_SUCCESS = "scim.full.sync.last.success.timestamp";
  public static final String FULL_SYNC_INTERVAL = "scim.full.sync.interval";
  public static final String PENDING_JOBS = "scim.pending.jobs";
  public static final String QUARANTINED = "scim.provider.quarantined";

  private static final Duration[] LATENCY_SLOS = {
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> intervals = new ConcurrentHashMap<>();
  private final Map<String, Object> gauges = new ConcurrentHashMap<>();

  public FleetMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void objectSynced(String provider, ObjectType type, SyncOutcome outcome) {
    Counter.builder(OBJECTS).description("Objects synced to a target, by outcome")
        .tags("provider", provider, "type", type.label(), "outcome", outcome.label())
        .register(registry).increment();
  }

  /** One SCIM request; {@code status} -1 means no response (timeout, connection failure). */
  public void request(String provider, String method, int status, Duration latency) {
    Timer.builder(REQUESTS).description("SCIM requests sent to targets, by method and status class")
        .tags("provider", provider, "method", method, "status", statusClass(status))
        .serviceLevelObjectives(LATENCY_SLOS)
        .register(registry).record(latency);
  }

  public void retry(String provider) {
    Counter.builder(RETRIES).description("Requests retried after a transient failure")
        .tag("provider", provider).register(registry).increment();
  }

  public void rateLimitWait(String provider, Duration waited) {
    Counter.builder(RATE_LIMIT_WAITS).description("Times a request waited for the target's rate limit")
        .tag("provider", provider).register(registry).increment();
    Counter.builder(RATE_LIMIT_WAIT).baseUnit("seconds").description("Time spent waiting for rate limits")
        .tag("provider", provider).register(registry).increment(waited.toNanos() / 1e9);
  }

  /** A full sync ended: outcome succeeded, failed or threshold_exceeded. */
  public void fullSyncFinished(String provider, String outcome, Duration took, Instant at) {
    Counter.builder(FULL_SYNC_RUNS).description("Full sync runs, by outcome")
        .tags("provider", provider, "outcome", outcome).register(registry).increment();
    Timer.builder(FULL_SYNC_DURATION).description("Duration of full sync runs")
        .tag("provider", provider).register(registry).record(took);
    if ("succeeded".equals(outcome)) lastSuccessHolder(provider).set(at.getEpochSecond());
  }

  /** Publishes the provider's full-sync schedule period, for the staleness alert. */
  public void fullSyncInterval(String provider, Duration period) {
    intervals.computeIfAbsent(provider, name -> {
      AtomicLong holder = new AtomicLong();
      Gauge.builder(FULL_SYNC_INTERVAL, holder, AtomicLong::get).baseUnit("seconds")
          .description("Period of the provider's recurring full sync")
          .tag("provider", name).register(registry);
      return holder;
    }).set(period.toSeconds());
  }

  /** Registers a gauge read on every scrape; the function must be cheap and must not throw. */
  public <T> void gauge(String name, String description, String provider, T source, ToDoubleFunction<T> value) {
    gauges.computeIfAbsent(name + "|" + provider, key -> Gauge.builder(name, source, safely(value))
        .description(description).tag("provider", provider).strongReference(true).register(registry));
  }

  static String statusClass(int status) {
    if (status < 0) return "io_error";
    if (status == 429) return "429";
    return (status / 100) + "xx";
  }

  private AtomicLong lastSuccessHolder(String provider) {
    return lastSuccess.computeIfAbsent(provider, name -> {
      AtomicLong holder = new AtomicLong();
      Gauge.builder(FULL_SYNC_LAST_SUCCESS, holder, AtomicLong::get).baseUnit("seconds")
          .description("Time of the provider's last successful full sync (Unix seconds)")
          .tag("provider", name).register(registry);
      return holder;
    });
  }

  private static <T> ToDoubleFunction<T> safely(ToDoubleFunction<T> value) {
    return source -> {
      try {
        return value.applyAsDouble(source);
      } catch (RuntimeException e) {
        return Double.NaN;
      }
    };
  }
}
