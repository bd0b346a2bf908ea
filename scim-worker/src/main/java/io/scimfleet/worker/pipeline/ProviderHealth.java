package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.model.Quarantine;
import io.scimfleet.scim.RateLimitedException;
import io.scimfleet.scim.ScimException;
import io.scimfleet.scim.TokenEndpointException;
import io.scimfleet.scim.TransportException;
import io.scimfleet.store.QuarantineStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quarantine of providers whose requests keep failing. This worker counts a provider's failures in
 * a row that say the target cannot serve us (401/403, 5xx, no connection, no OAuth 2.0 token); at
 * {@link #FAILURES_IN_A_ROW} it quarantines the provider for the whole fleet. A job checks once,
 * when it starts ({@link #requireOpen}: one read), and what it read is handed down as this worker's
 * copy: the job's objects ask that copy ({@link #requireStillOpen}, no read), which changes during
 * the job only when this worker's own failures quarantine the provider, so a job stops sending as
 * soon as its failures paused the provider. The first success after the pause (the probe) lifts it;
 * a failure deepens it, once: it deepens only the quarantine this worker saw (a compare-and-set),
 * so many probes failing at once after a pause raise the level by one. Successes and failures come
 * from {@link FailureRecorder}.
 */
public final class ProviderHealth {
  static final int FAILURES_IN_A_ROW = 10;
  private static final Logger log = LoggerFactory.getLogger(ProviderHealth.class);

  private final QuarantineStore quarantines;
  private final Clock clock;
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final Map<String, Quarantine> known = new ConcurrentHashMap<>();

  public ProviderHealth(QuarantineStore quarantines, Clock clock) {
    this.quarantines = quarantines;
    this.clock = clock;
  }

  /**
   * The job's check, once when it starts: reads the provider's quarantine into this worker's copy;
   * throws while its pause lasts.
   */
  public void requireOpen(String provider) {
    quarantines
        .get(provider)
        .ifPresentOrElse(q -> known.put(provider, q), () -> known.remove(provider));
    requireStillOpen(provider);
  }

  /**
   * Throws while this worker's copy says the provider is paused (what the job read, or what this
   * worker's failures entered since); reads nothing.
   */
  void requireStillOpen(String provider) {
    Quarantine quarantine = known.get(provider);
    Instant now = clock.instant();
    if (quarantine != null && quarantine.pausing(now))
      throw new ProviderQuarantinedException(quarantine, now);
  }

  void succeeded(String provider) {
    counter(provider).set(0);
    if (known.remove(provider) != null && quarantines.release(provider)) {
      log.info("provider {} answers again: quarantine lifted", provider);
    }
  }

  /** Counts the failure when it says the target cannot serve us; quarantines at the limit. */
  void failed(String provider, FleetException failure) {
    if (!targetDown(failure)) {
      if (!(failure instanceof RateLimitedException)) counter(provider).set(0);
      return;
    }
    Quarantine previous = known.get(provider);
    boolean probe =
        previous != null && !previous.pausing(clock.instant()); // a try after the pause: it failed
    if (!probe && counter(provider).incrementAndGet() < FAILURES_IN_A_ROW) return;
    counter(provider).set(0);
    Instant at = clock.instant();
    Optional<Quarantine> now = quarantines.deepen(provider, previous, reason(failure), at);
    now.ifPresentOrElse(q -> known.put(provider, q), () -> known.remove(provider));
    now.filter(q -> q.since().equals(at) && !Quarantine.same(q, previous))
        .ifPresent(
            q ->
                log.warn(
                    "provider {} quarantined until {} (level {}): {}",
                    provider,
                    q.until(),
                    q.level(),
                    q.reason()));
  }

  /** What the quarantine says it is for: the failure's message, else its kind (never null). */
  static String reason(FleetException failure) {
    String message = failure.getMessage();
    return message != null && !message.isBlank() ? message : failure.getClass().getSimpleName();
  }

  static boolean targetDown(FleetException failure) {
    if (failure instanceof TransportException || failure instanceof TokenEndpointException)
      return true;
    if (!(failure instanceof ScimException scim)) return false;
    return scim.status() == 401 || scim.status() == 403 || scim.status() >= 500;
  }

  private AtomicInteger counter(String provider) {
    return failures.computeIfAbsent(provider, name -> new AtomicInteger());
  }
}
