package io.scimfleet.store;

import java.time.Duration;
import java.util.Optional;

/**
 * The reports of target probes, as JSON, kept for a while: a worker writes one when its probe is
 * over, the API answers it to the operator who asked (at once, or later by its id).
 */
public interface ProbeStore {
  /** How long a report is kept. */
  Duration TTL = Duration.ofHours(1);

  /** Keeps the report (JSON) of probe {@code probeId} of the provider for {@code ttl}. */
  void put(String provider, String probeId, String reportJson, Duration ttl);

  /** The report, while kept; empty when none or expired. */
  Optional<String> get(String provider, String probeId);
}
