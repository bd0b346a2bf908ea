package io.scimfleet.store;

import java.time.Clock;

class InMemorySyncStateStoreTest extends SyncStateStoreContractTest {
  @Override
  protected ObjectLocks newLocks() {
    return new InMemoryObjectLocks(Clock.systemUTC());
  }

  @Override
  protected SyncStateStore newStore() {
    return new InMemorySyncStateStore((InMemoryObjectLocks) locks);
  }
}
