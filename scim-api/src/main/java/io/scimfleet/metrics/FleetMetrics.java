package io.scimfleet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Every metric of ours, as a Micrometer {@link MeterBinder}: named and described once ({@link
 * FleetMeters}), each meter built once per provider and tag values and then kept, so recording is a
 * map read and an increment. {@link #forget} drops a deleted provider's series. Tags are bounded:
 * provider, object type, outcome, method, status class; never a user, group or job id. Recording
 * never throws to the caller; before {@link #bindTo} it records nowhere.
 */
public final class FleetMetrics implements MeterBinder {
  public static final String OBJECTS = "scim.sync.objects";
  public static final String REQUESTS = "scim.requests";
  public static final String RETRIES = "scim.retries";
  public static final String RATE_LIMIT_WAITS = "scim.rate.limit.waits";
  public static final String RATE_LIMIT_WAIT = "scim.rate.limit.wait";
  public static final String FULL_SYNC_RUNS = "scim.full.sync.runs";
  public static final String FULL_SYNC_DURATION = "scim.full.sync.duration";
  public static final String FULL_SYNC_LAST_SUCCESS = "scim.full.sync.last.success.timestamp";
  public static final String FULL_SYNC_INTERVAL = "scim.full.sync.interval";
  public static final String DRIFT_FULL_CHECK = "scim.drift.last.full.check.timestamp";
  public static final String DRIFT_INCREMENTAL_CHECK =
      "scim.drift.last.incremental.check.timestamp";
  public static final String PENDING_JOBS = "scim.pending.jobs";
  public static final String QUARANTINED = "scim.provider.quarantined";
  public static final String DELETIONS_HELD = "scim.deletions.held";
  public static final String PROPAGATION = "scim.propagation";

  /** Per target host, not per provider: every provider pointing at the host shares it. */
  public static final String TARGET_CONCURRENCY_LIMIT = "scim.target.concurrency.limit";

  /** The page pool's executor metrics ({@code executor_*}) carry this {@code name}. */
  public static final String PAGE_POOL = "scim.page.sync";

  /** Change-feed entries trimmed away before a consumer acknowledged them. */
  public static final String CHANGES_DROPPED = "scim.changes.dropped";

  /** State writes refused because the writer's object lock had been lost (fencing). */
  public static final String LOCK_LOST_WRITES = "scim.lock.lost.writes";

  static final String PROVIDER = "provider";

  private volatile FleetMeters meters = new FleetMeters(new CompositeMeterRegistry());
  private volatile boolean bound;
  private final Map<String, Map<List<Object>, Object>> providers = new ConcurrentHashMap<>();

  /** Records nowhere until {@link #bindTo} is called. */
  public FleetMetrics() {}

  public FleetMetrics(MeterRegistry registry) {
    bindTo(registry);
  }

  /** Records into this registry from now on; a FleetMetrics is bound once. */
  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    if (bound) throw new IllegalStateException("FleetMetrics is bound to a registry already");
    meters = new FleetMeters(registry);
    providers.clear();
    bound = true;
  }

  public MeterRegistry registry() {
    return meters.registry();
  }

  public void objectSynced(String provider, ObjectType type, SyncOutcome outcome) {
    counter(provider, meters.objects(), "type", type.label(), "outcome", outcome.label())
        .increment();
  }

  /** One SCIM request; {@code status} -1 means no response (timeout, connection failure). */
  public void request(String provider, String method, int status, Duration latency) {
    timer(provider, meters.requests(), "method", method, "status", statusClass(status))
        .record(latency);
  }

  /**
   * A change the target acknowledged, {@code lag} after the directory wrote it; {@code action} is
   * {@code create}, {@code update} or {@code deprovision}.
   */
  public void propagated(String provider, String action, Duration lag) {
    timer(provider, meters.propagation(), "action", action).record(lag);
  }

  /** The learned concurrency limit of a target host, read on every scrape; must not throw. */
  public <T> void targetConcurrencyLimit(String host, T source, ToDoubleFunction<T> value) {
    Gauge.builder(TARGET_CONCURRENCY_LIMIT, source, safely(value))
        .description("The fleet's learned concurrency limit of a target host (adaptive, AIMD)")
        .tag("host", host)
        .strongReference(true)
        .register(registry());
  }

  public void retry(String provider) {
    counter(provider, meters.retries()).increment();
  }

  public void rateLimitWait(String provider, Duration waited) {
    counter(provider, meters.rateLimitWaits()).increment();
    counter(provider, meters.rateLimitWaitSeconds()).increment(waited.toNanos() / 1e9);
  }

  /** A full sync ended: outcome succeeded, failed or threshold_exceeded. */
  public void fullSyncFinished(String provider, String outcome, Duration took, Instant at) {
    counter(provider, meters.fullSyncRuns(), "outcome", outcome).increment();
    timer(provider, meters.fullSyncDuration()).record(took);
    if ("succeeded".equals(outcome) || "partial".equals(outcome)) // partial: it went to its end
    holder(provider, FULL_SYNC_LAST_SUCCESS).set(at.getEpochSecond());
  }

  /**
   * Counts change-feed entries lost to a trim before they were handled ({@code
   * scim_changes_dropped_total}); called with 0 at start so the series exists before any loss.
   */
  public void changesDropped(long entries) {
    Counter.builder(CHANGES_DROPPED)
        .description("Change-feed entries trimmed before a consumer acknowledged them")
        .register(registry())
        .increment((double) entries);
  }

  /**
   * Counts a sync whose state write was refused because its object lock was lost before it ({@code
   * scim_lock_lost_writes_total}, by provider and object type).
   */
  public void lockLostWrite(String provider, ObjectType type) {
    Counter.builder(LOCK_LOST_WRITES)
        .description("State writes refused: the object's lock was lost before the write")
        .tag(PROVIDER, provider)
        .tag("type", type.label())
        .register(registry())
        .increment();
  }

  /**
   * A drift check of the provider went to its end: a full read of the target ({@code full}) or a
   * check of what changed on it.
   */
  public void driftChecked(String provider, boolean full, Instant at) {
    holder(provider, full ? DRIFT_FULL_CHECK : DRIFT_INCREMENTAL_CHECK).set(at.getEpochSecond());
  }

  /** Publishes the provider's full-sync schedule period, for the staleness alert. */
  public void fullSyncInterval(String provider, Duration period) {
    holder(provider, FULL_SYNC_INTERVAL).set(period.toSeconds());
  }

  /**
   * The provider's per-object jobs waiting to run, read on every scrape; cheap, and must not throw.
   */
  public <T> void pendingJobs(String provider, T source, ToDoubleFunction<T> count) {
    gauge(provider, PENDING_JOBS, source, count);
  }

  /**
   * 1 while the provider is quarantined, else 0, read on every scrape; cheap, and must not throw.
   */
  public <T> void quarantined(String provider, T source, ToDoubleFunction<T> value) {
    gauge(provider, QUARANTINED, source, value);
  }

  /**
   * The removals the provider's deletion guard holds, read on every scrape; cheap, and must not
   * throw.
   */
  public <T> void deletionsHeld(String provider, T source, ToDoubleFunction<T> count) {
    gauge(provider, DELETIONS_HELD, source, count);
  }

  /**
   * The page pool, wrapped so that its size, active and queued tasks show as {@code executor_*}.
   */
  public ExecutorService monitor(ExecutorService pool) {
    meters.describePagePoolTimers();
    return ExecutorServiceMetrics.monitor(registry(), pool, PAGE_POOL);
  }

  /**
   * Removes every series of the provider from the registry (ours, and any other meter tagged with
   * the provider, such as its connection pool's): after it was deleted, or is no longer configured
   * here.
   */
  public void forget(String provider) {
    providers.remove(provider);
    MeterRegistry registry = registry();
    Search.in(registry).tag(PROVIDER, provider).meters().forEach(registry::remove);
  }

  static String statusClass(int status) {
    if (status < 0) return "io_error";
    if (status == 429) return "429";
    return (status / 100) + "xx";
  }

  private Counter counter(String provider, Meter.MeterProvider<Counter> kind, String... tags) {
    return (Counter) meter(provider, kind, tags);
  }

  private Timer timer(String provider, Meter.MeterProvider<Timer> kind, String... tags) {
    return (Timer) meter(provider, kind, tags);
  }

  /** The provider's meter of this kind and tag values, built on first use. */
  private Object meter(String provider, Meter.MeterProvider<? extends Meter> kind, String... tags) {
    Object[] key = new Object[tags.length + 1];
    key[0] = kind;
    System.arraycopy(tags, 0, key, 1, tags.length);
    return cache(provider)
        .computeIfAbsent(List.of(key), ignored -> kind.withTags(tagged(provider, tags)));
  }

  private AtomicLong holder(String provider, String name) {
    return (AtomicLong)
        cache(provider)
            .computeIfAbsent(
                List.of(name),
                ignored -> {
                  AtomicLong value = new AtomicLong();
                  meters.secondsGauge(name, value, provider);
                  return value;
                });
  }

  private <T> void gauge(String provider, String name, T source, ToDoubleFunction<T> value) {
    cache(provider)
        .computeIfAbsent(
            List.of(name),
            ignored ->
                Gauge.builder(name, source, safely(value))
                    .description(FleetMeters.DESCRIPTIONS.get(name))
                    .tag(PROVIDER, provider)
                    .strongReference(true)
                    .register(registry()));
  }

  private Map<List<Object>, Object> cache(String provider) {
    return providers.computeIfAbsent(provider, name -> new ConcurrentHashMap<>());
  }

  private static String[] tagged(String provider, String... tags) {
    String[] all = new String[tags.length + 2];
    all[0] = PROVIDER;
    all[1] = provider;
    System.arraycopy(tags, 0, all, 2, tags.length);
    return all;
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
