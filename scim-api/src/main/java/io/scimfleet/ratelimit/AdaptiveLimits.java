package io.scimfleet.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * The fleet's concurrency limit per target host, learned AIMD-style (additive increase,
 * multiplicative decrease) from what the workers report: each success adds {@code 1/limit} (one
 * more request in flight per round of {@code limit} successes); an overload (429, 503, no answer, a
 * latency far above the host's best) multiplies it by {@value #DECREASE}, at most once per {@link
 * #COOL_DOWN} (one burst of refusals is one signal). The Redis implementation holds one limit for
 * the whole fleet; each worker takes an even share of it ({@link #workers}).
 */
public interface AdaptiveLimits {
  double INITIAL = 8;
  double MIN = 1;
  double MAX = 256;
  double DECREASE = 0.7;
  Duration COOL_DOWN = Duration.ofSeconds(1);

  /** Workers that reported within this long share the limit. */
  Duration WORKER_TTL = Duration.ofSeconds(5);

  /**
   * Applies what one worker saw since its last report and answers the host's limit after it.
   *
   * @param successes requests answered in time and without overload
   * @param overloaded whether any was refused or too slow
   */
  double report(String host, int successes, boolean overloaded, Instant now);

  /** Registers {@code worker} as active on the host now; answers how many workers are (≥ 1). */
  int workers(String host, String worker, Instant now);

  /**
   * The AIMD step, the one rule both implementations follow: an overload cuts the limit when the
   * cool-down allows ({@code mayDecrease}) and otherwise holds it (successes that came with an
   * overload never raise it); without one, the successes raise it.
   */
  static double next(double limit, int successes, boolean overloaded, boolean mayDecrease) {
    double next =
        overloaded
            ? (mayDecrease ? limit * DECREASE : limit)
            : limit + successes / Math.max(limit, MIN);
    return Math.max(MIN, Math.min(MAX, next));
  }
}
