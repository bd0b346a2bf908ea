package io.scimfleet.store;

import io.scimfleet.testing.MutableClock;
import java.time.Duration;

class InMemoryObjectLocksTest extends ObjectLocksContractTest {
  private final MutableClock clock = MutableClock.startingNow();

  @Override
  protected ObjectLocks newLocks() {
    return new InMemoryObjectLocks(clock);
  }

  @Override
  protected void passTime(Duration duration) {
    clock.advance(duration);
  }
}
