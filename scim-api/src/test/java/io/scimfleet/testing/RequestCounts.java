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

  void record(String method, String endpoint) {
    if (DISCOVERY.contains(endpoint)) discovery.increment();
    else
      byMethod.computeIfAbsent(method.toUpperCase(Locale.ROOT), m -> new LongAdder()).increment();
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
  }
}
