package io.scimfleet.scheduler.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimfleet.model.ObjectType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sources' meters, declared once: objects in scope per source and type, read durations (full or
 * poll), failed reads, whether a source is failing now (the alert's input) and the deletions its
 * guard holds. Tags: source name (a handful), type, kind; never an object.
 */
public final class SourceMetrics {
  public static final String OBJECTS = "scim.source.objects";
  public static final String READ = "scim.source.read";
  public static final String ERRORS = "scim.source.errors";
  public static final String FAILING = "scim.source.failing";
  public static final String DELETIONS_HELD = "scim.source.deletions.held";

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

  public SourceMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void objects(String source, ObjectType type, long count) {
    gauge(OBJECTS, "objects in scope at the source's last read", source, "type", type.label())
        .set(count);
  }

  void read(String source, boolean full, Duration took) {
    Timer.builder(READ)
        .description("how long one read of a source took")
        .tag("source", source)
        .tag("kind", full ? "full" : "poll")
        .register(registry)
        .record(took);
  }

  void failed(String source) {
    Counter.builder(ERRORS)
        .description("reads of a source that failed")
        .tag("source", source)
        .register(registry)
        .increment();
  }

  void failing(String source, boolean failing) {
    gauge(FAILING, "1 while the source's last read failed", source, "source", source)
        .set(failing ? 1 : 0);
  }

  void held(String source, long count) {
    gauge(DELETIONS_HELD, "deletions the source's guard holds", source, "source", source)
        .set(count);
  }

  private AtomicLong gauge(
      String name, String description, String source, String tag, String value) {
    return gauges.computeIfAbsent(
        name + "\u0000" + source + "\u0000" + value,
        k -> {
          AtomicLong holder = new AtomicLong();
          var builder =
              io.micrometer.core.instrument.Gauge.builder(name, holder, AtomicLong::get)
                  .description(description)
                  .tag("source", source);
          if (!tag.equals("source")) builder.tag(tag, value);
          builder.register(registry);
          return holder;
        });
  }
}
