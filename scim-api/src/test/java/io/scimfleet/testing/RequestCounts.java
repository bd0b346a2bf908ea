package io.scimfleet.testing;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts requests by method; discovery requests apart. */
final class RequestCounts {
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> DISCOVERY =
      Set.of("ServiceProviderConfig", "ServiceProviderConfigs", "ResourceTypes", "Schemas");

  private final Map<String, LongAdder> byMethod = new ConcurrentHashMap<>();
  private final LongAdder discovery = new LongAdder();
  private final java.util.Queue<String> queries =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  void record(String method, String endpoint) {
    if (DISCOVERY.contains(endpoint)) discovery.increment();
    else
      byMethod.computeIfAbsent(method.toUpperCase(Locale.ROOT), m -> new LongAdder()).increment();
  }

  /** A GET's endpoint and decoded query ({@code Users?count=1&attributes=id,meta}). */
  void query(String endpoint, String query) {
    if (!DISCOVERY.contains(endpoint)) queries.add(endpoint + (query == null ? "" : "?" + query));
  }

  java.util.List<String> queries() {
    return java.util.List.copyOf(queries);
  }

  long count(String method) {
    LongAdder adder = byMethod.get(method.toUpperCase(Locale.ROOT));
    return adder == null ? 0 : adder.sum();
  }

  long writes() {
    return WRITES.stream().mapToLong(this::count).sum();
  }

  long discovery() {
    return discovery.sum();
  }

  void reset() {
    byMethod.clear();
    discovery.reset();
    queries.clear();
  }
}
