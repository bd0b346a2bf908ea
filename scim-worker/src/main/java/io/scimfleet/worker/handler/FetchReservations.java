package io.scimfleet.worker.handler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jobs counted against a limit at their fetch ({@link io.scimfleet.job.FetchPolicy#take}) whose
 * handler has not started them yet: the handler's take then uses the count instead of taking
 * another, so two fetches in a row cannot both take the last place. A job is counted once: fetched
 * twice before it ran, its second count is given back at once. A reservation whose job has not
 * started after {@link #RESERVED_FOR} (its server stopped between fetch and run) gives its count
 * back.
 */
final class FetchReservations {
  /** How long a job counted at its fetch may take to reach its handler. */
  static final Duration RESERVED_FOR = Duration.ofSeconds(30);

  private final ProviderCounts counts;
  private final Map<Object, Reservation> reserved = new ConcurrentHashMap<>();

  private record Reservation(String provider, long nanoTime) {}

  /**
   * @param counts the counts the reserved jobs were taken from
   */
  FetchReservations(ProviderCounts counts) {
    this.counts = counts;
  }

  /**
   * Notes {@code job} (a key its handler finds again: a stable id or the request record), just
   * counted for {@code provider}.
   */
  void reserve(Object job, String provider) {
    if (reserved.putIfAbsent(job, new Reservation(provider, System.nanoTime())) != null)
      counts.release(provider); // fetched twice before it ran: counted once
  }

  /** True when {@code job} was counted at its fetch: its handler now holds that count. */
  boolean use(Object job) {
    return reserved.remove(job) != null;
  }

  /** A job counted at its fetch that another server got: its count is given back. */
  void lost(Object job) {
    Reservation reservation = reserved.remove(job);
    if (reservation != null) counts.release(reservation.provider());
  }

  /** Gives back the counts of jobs counted more than {@link #RESERVED_FOR} ago. */
  void giveBackStale() {
    long now = System.nanoTime();
    reserved.forEach(
        (job, reservation) -> {
          if (now - reservation.nanoTime() > RESERVED_FOR.toNanos()
              && reserved.remove(job, reservation)) counts.release(reservation.provider());
        });
  }
}
