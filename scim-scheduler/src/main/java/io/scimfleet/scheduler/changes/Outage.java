package io.scimfleet.scheduler.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * A run of failed passes of a loop (Redis unreachable, most often): one WARN line when it starts,
 * one INFO line when it ends, and a pause between attempts that doubles from {@link #FIRST_PAUSE}
 * up to {@link #MAX_PAUSE}, so that the loop is back within seconds of Redis.
 */
final class Outage {
  static final Duration FIRST_PAUSE = Duration.ofMillis(250);
  static final Duration MAX_PAUSE = Duration.ofSeconds(4);

  private final String what;
  private final Logger log;
  private final Clock clock;
  private @Nullable Instant since;
  private int attempts;
  private Duration pause = FIRST_PAUSE;

  Outage(String what, Logger log, Clock clock) {
    this.what = what;
    this.log = log;
    this.clock = clock;
  }

  /**
   * A pass failed: logs the first failure of a run only; returns how long to wait before the next
   * attempt.
   */
  Duration failed(RuntimeException e) {
    attempts++;
    if (since == null) {
      since = clock.instant();
      log.warn(
          "{}: {} (retrying every {} ms up to every {} s until it works)",
          what,
          e.getMessage(),
          FIRST_PAUSE.toMillis(),
          MAX_PAUSE.toSeconds());
    } else {
      log.debug("{}: still failing: {}", what, e.getMessage());
    }
    Duration current = pause;
    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
    return current;
  }

  /** A pass worked: true when it ended an outage (logged once). */
  boolean worked() {
    if (since == null) return false;
    log.info(
        "{}: works again after {} s and {} failed attempts",
        what,
        Duration.between(since, clock.instant()).toSeconds(),
        attempts);
    since = null;
    attempts = 0;
    pause = FIRST_PAUSE;
    return true;
  }
}
