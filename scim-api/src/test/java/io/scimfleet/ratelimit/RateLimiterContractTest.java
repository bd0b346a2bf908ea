package io.scimfleet.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every rate limiter does: a quarter minute's burst goes at once, later requests wait for the
 * refill. {@link #second()} is another process's view of the same limits (the same instance when
 * the limiter is local).
 *
 * <p>The bounds hold however slowly a loaded machine makes the requests themselves: the burst is
 * compared with the 15 s it would take without one, and the refill with the time it must take at
 * least (the burst's own time included, since the bucket refills meanwhile).
 */
public abstract class RateLimiterContractTest {
  /** 240 a minute: a burst of 60, then one every 250 ms. */
  private static final int PER_MINUTE = 240;

  /** 4 a minute: a burst of 1, then one every 15 s. */
  private static final int SLOW_PER_MINUTE = 4;

  protected abstract RateLimiter limiter();

  protected abstract RateLimiter second();

  @Test
  void aBurstGoesAtOnceAndTheNextRequestWaitsForTheRefill() {
    String provider = "p-" + UUID.randomUUID();
    Duration burst = Duration.ZERO;
    for (int i = 0; i < 30; i++) burst = burst.plus(limiter().acquire(provider, PER_MINUTE));
    for (int i = 0; i < 30; i++) burst = burst.plus(second().acquire(provider, PER_MINUTE));

    Duration next = Duration.ZERO;
    for (int i = 0; i < 8; i++) next = next.plus(second().acquire(provider, PER_MINUTE));

    assertThat(burst)
        .as("60 requests within the burst, not one every 250 ms (15 s)")
        .isLessThan(Duration.ofSeconds(5));
    assertThat(burst.plus(next))
        .as("68 requests: the burst of 60, and 8 more at 4 a second (2 s), less none")
        .isGreaterThan(Duration.ofMillis(1_900));
  }

  @Test
  void providersHaveTheirOwnLimits() {
    String busy = "busy-" + UUID.randomUUID();
    limiter().acquire(busy, SLOW_PER_MINUTE); // its burst: its next token comes in 15 s

    assertThat(limiter().acquire("idle-" + UUID.randomUUID(), SLOW_PER_MINUTE))
        .as("not the 15 s that the busy provider's next token takes")
        .isLessThan(Duration.ofSeconds(5));
  }
}
