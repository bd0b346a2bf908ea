package io.scimfleet.scheduler.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inbound endpoint's meters, named and described once: {@code scim_inbound_requests_total} and
 * the latency histogram {@code scim_inbound_request_duration_seconds}, both tagged by {@code
 * resource} (Users, Groups, Bulk, a discovery endpoint, or other), {@code method} and {@code
 * status}: few, bounded values.
 */
final class InboundMetrics {
  static final String REQUESTS = "scim.inbound.requests";
  static final String DURATION = "scim.inbound.request.duration";

  private static final Duration[] SLOS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofSeconds(5)
  };

  private final MeterRegistry registry;
  private final Map<String, Meters> byTags = new ConcurrentHashMap<>();

  InboundMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String resource, String method, int status, Duration took) {
    Meters meters =
        byTags.computeIfAbsent(
            resource + ' ' + method + ' ' + status, key -> meters(resource, method, status));
    meters.requests().increment();
    meters.duration().record(took);
  }

  private Meters meters(String resource, String method, int status) {
    String[] tags = {"resource", resource, "method", method, "status", Integer.toString(status)};
    return new Meters(
        Counter.builder(REQUESTS)
            .description("Requests to the inbound SCIM endpoint")
            .tags(tags)
            .register(registry),
        Timer.builder(DURATION)
            .description("Time to answer a request to the inbound SCIM endpoint")
            .tags(tags)
            .serviceLevelObjectives(SLOS)
            .register(registry));
  }

  /** The two meters of one tag set, built once (the tags are few and bounded). */
  private record Meters(Counter requests, Timer duration) {}
}
