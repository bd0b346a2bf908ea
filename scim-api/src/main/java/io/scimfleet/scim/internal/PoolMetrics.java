package io.scimfleet.scim.internal;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.httpcomponents.hc5.PoolingHttpClientConnectionManagerMetricsBinder;
import io.micrometer.core.instrument.search.Search;
import java.util.List;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.pool.ConnPoolControl;
import org.jspecify.annotations.Nullable;

/**
 * Where a client's connection pool publishes its gauges: Micrometer's HttpClient 5 pool binder
 * ({@code httpcomponents_httpclient_pool_*}: max, leased and available connections, requests
 * waiting for one), tagged {@code httpclient=<name>} and the given tags.
 */
public record PoolMetrics(
    @Nullable MeterRegistry registry, @Nullable String name, Iterable<Tag> tags) {
  /** Publishes nothing. */
  public static final PoolMetrics NONE = new PoolMetrics(null, null, Tags.empty());

  /**
   * Binds the pool's gauges, replacing those of an earlier pool of the same name (a client rebuilt
   * with new settings); the returned action removes them, unless a newer pool has replaced them.
   */
  Runnable bind(ConnPoolControl<HttpRoute> pool) {
    MeterRegistry registry = this.registry;
    if (registry == null) return () -> {};
    List<Meter> replaced = mine(registry);
    replaced.forEach(registry::remove);
    new PoolingHttpClientConnectionManagerMetricsBinder(pool, name, tags).bindTo(registry);
    List<Meter> bound = mine(registry);
    return () -> bound.forEach(meter -> removeIfStillRegistered(registry, meter));
  }

  private List<Meter> mine(MeterRegistry registry) {
    return List.copyOf(Search.in(registry).tag("httpclient", name).tags(tags).meters());
  }

  private static void removeIfStillRegistered(MeterRegistry registry, Meter meter) {
    if (registry.getMeters().stream().anyMatch(registered -> registered == meter))
      registry.remove(meter);
  }
}
