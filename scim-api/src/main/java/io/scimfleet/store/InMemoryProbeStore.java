package io.scimfleet.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Probe reports in this process's memory, at most {@link #MAX} (the oldest goes first). */
public final class InMemoryProbeStore implements ProbeStore {
  public static final int MAX = 100;

  private record Entry(String json, Instant expires) {}

  private final Map<String, Entry> reports = new LinkedHashMap<>();
  private final Clock clock;

  public InMemoryProbeStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void put(String provider, String probeId, String reportJson, Duration ttl) {
    Instant now = clock.instant();
    reports.values().removeIf(e -> !e.expires().isAfter(now));
    if (reports.size() >= MAX) reports.remove(reports.keySet().iterator().next());
    reports.put(key(provider, probeId), new Entry(reportJson, now.plus(ttl)));
  }

  @Override
  public synchronized Optional<String> get(String provider, String probeId) {
    Entry entry = reports.get(key(provider, probeId));
    if (entry == null || !entry.expires().isAfter(clock.instant())) return Optional.empty();
    return Optional.of(entry.json());
  }

  private static String key(String provider, String probeId) {
    return provider + "\u0000" + probeId;
  }
}
