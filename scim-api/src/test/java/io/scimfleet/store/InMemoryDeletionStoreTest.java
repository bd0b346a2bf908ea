package io.scimfleet.store;

class InMemoryDeletionStoreTest extends DeletionStoreContractTest {
  @Override
  protected DeletionStore newDeletionStore() {
    return new InMemoryDeletionStore();
  }
}
