package io.scimfleet.ratelimit;

class LocalAdaptiveLimitsTest extends AdaptiveLimitsContractTest {
  @Override
  protected AdaptiveLimits newLimits() {
    return new LocalAdaptiveLimits();
  }
}
