package io.scimfleet.ratelimit;

class LocalRateLimiterTest extends RateLimiterContractTest {
  private final RateLimiter limiter = RateLimiter.local();

  @Override
  protected RateLimiter limiter() {
    return limiter;
  }

  @Override
  protected RateLimiter second() {
    return limiter;
  }
}
