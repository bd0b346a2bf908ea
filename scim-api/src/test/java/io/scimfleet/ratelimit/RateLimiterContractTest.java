package io.scimfleet.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every rate limiter does: a quarter minute's burst goes at once, later requests wait for the
 * refill. {@link #second()} is another process's view of the same limits (the same instance when
 * the limiter is local).
 */
public abstract class RateLimiterContractTest {
  /** 240 a minute: a burst of 60, then one every 250 ms. */
  private static final int PER_MINUTE = 240;

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

    assertThat(burst).as("60 requests within the burst").isLessThan(Duration.ofSeconds(1));
    assertThat(next)
        .as("8 more at 4 a second, less what refilled during the burst")
        .isGreaterThan(Duration.ofSeconds(1));
  }

  @Test
  void providersHaveTheirOwnLimits() {
    String busy = "busy-" + UUID.randomUUID();
    for (int i = 0; i < 60; i++) limiter().acquire(busy, PER_MINUTE);

    assertThat(limiter().acquire("idle-" + UUID.randomUUID(), PER_MINUTE))
        .isLessThan(Duration.ofMillis(100));
  }
}
