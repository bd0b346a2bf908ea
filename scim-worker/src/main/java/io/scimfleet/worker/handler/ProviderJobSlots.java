package io.scimfleet.worker.handler;

import java.time.Duration;

/**
 * The job threads of this process that each provider's jobs hold: at most {@code limit} per
 * provider, so that a provider whose target is slow or failing cannot take every thread. A job that
 * finds its provider's slots taken waits a moment ({@link ObjectJobHandler#SLOT_WAIT}) and then
 * hands itself back instead of waiting longer.
 */
public final class ProviderJobSlots {
  private final int limit;
  private final ProviderCounts taken = new ProviderCounts();

  public ProviderJobSlots(int limit) {
    this.limit = limit;
  }

  /** Takes a slot of the provider when one is free; the caller must {@link #release} it. */
  boolean tryTake(String provider) {
    return taken.take(provider, limit, Duration.ZERO);
  }

  /**
   * Waits up to {@code wait} for a slot: on a fast target a job of the provider ends within
   * milliseconds, which is much sooner than a hand-back comes back. The caller must {@link
   * #release} it.
   */
  boolean tryTake(String provider, Duration wait) {
    return taken.take(provider, limit, wait);
  }

  /**
   * Gives back a slot taken by {@link #tryTake}.
   *
   * @throws IllegalStateException when none of the provider's slots is taken (a release without a
   *     take): nothing changes, so the count never drops below zero
   */
  void release(String provider) {
    if (!taken.release(provider))
      throw new IllegalStateException(
          "no job slot of provider " + provider + " is taken: a release without a take");
  }

  int taken(String provider) {
    return taken.now(provider);
  }
}
