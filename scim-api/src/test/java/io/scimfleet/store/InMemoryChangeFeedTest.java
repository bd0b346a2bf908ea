package io.scimfleet.store;

import io.scimfleet.testing.MutableClock;
import java.time.Duration;

class InMemoryChangeFeedTest extends ChangeFeedContractTest {
  private final MutableClock clock = MutableClock.startingNow();

  @Override
  protected ChangeFeed newFeed() {
    return new InMemoryChangeFeed(clock);
  }

  @Override
  protected void passTime(Duration duration) {
    clock.advance(duration);
  }
}
