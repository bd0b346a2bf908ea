package io.scimfleet.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A provider paused because its requests kept failing (bad token, target down). Each new quarantine
 * of the same provider lasts twice as long as the one before, from a minute up to an hour; the
 * first job after {@link #until()} is the probe that lifts it or deepens it.
 *
 * @param level how many times in a row it was quarantined (1 the first time)
 */
public record Quarantine(String provider, int level, Instant since, Instant until, String reason) {
  public static final Duration FIRST = Duration.ofMinutes(1);
  public static final Duration LONGEST = Duration.ofHours(1);

  public Quarantine {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(until, "until");
  }

  /** The quarantine that follows {@code previous} (null: none before), starting now. */
  public static Quarantine after(
      @Nullable Quarantine previous, String provider, String reason, Instant now) {
    int level = previous == null ? 1 : previous.level + 1;
    return new Quarantine(provider, level, now, now.plus(delay(level)), reason);
  }

  static Duration delay(int level) {
    Duration delay = FIRST.multipliedBy(1L << Math.min(level - 1, 10));
    return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
  }

  /** True when both are the same quarantine (same level, same start), or both are none (null). */
  public static boolean same(@Nullable Quarantine one, @Nullable Quarantine other) {
    if (one == null || other == null) return one == null && other == null;
    return one.level == other.level && one.since.equals(other.since);
  }

  /** True while no request should go to the provider. */
  public boolean pausing(Instant now) {
    return now.isBefore(until);
  }
}
