package io.scimfleet.store;

import java.time.Clock;

class InMemoryDirectoryStoreTest extends DirectoryStoreContractTest {
  @Override
  protected ChangeFeed newFeed() {
    return new InMemoryChangeFeed(Clock.systemUTC());
  }

  @Override
  protected DirectoryStore newDirectory(ChangeFeed feed, Clock clock) {
    return new InMemoryDirectoryStore(feed, clock);
  }
}
