package io.scimfleet.store;

class InMemorySyncStateStoreTest extends SyncStateStoreContractTest {
  @Override
  protected SyncStateStore newStore() {
    return new InMemorySyncStateStore();
  }
}
