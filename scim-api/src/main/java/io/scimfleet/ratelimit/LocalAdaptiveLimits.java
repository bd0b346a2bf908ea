package io.scimfleet.ratelimit;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link AdaptiveLimits} of this process alone (all-in-one, tests). */
public final class LocalAdaptiveLimits implements AdaptiveLimits {
  private record Host(double limit, Instant lastDecrease) {}

  private final Map<String, Host> hosts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Instant>> workers = new ConcurrentHashMap<>();

  @Override
  public double report(String host, int successes, boolean overloaded, Instant now) {
    return hosts.compute(
            host,
            (key, was) -> {
              Host h = was != null ? was : new Host(INITIAL, Instant.EPOCH);
              boolean decrease = overloaded && !now.isBefore(h.lastDecrease.plus(COOL_DOWN));
              return new Host(
                  AdaptiveLimits.next(h.limit, successes, overloaded, decrease),
                  decrease ? now : h.lastDecrease);
            })
        .limit;
  }

  @Override
  public int workers(String host, String worker, Instant now) {
    Map<String, Instant> seen = workers.computeIfAbsent(host, key -> new ConcurrentHashMap<>());
    seen.put(worker, now);
    seen.values().removeIf(at -> at.plus(WORKER_TTL).isBefore(now));
    return Math.max(1, seen.size());
  }
}
