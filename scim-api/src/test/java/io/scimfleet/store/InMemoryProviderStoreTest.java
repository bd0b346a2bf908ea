package io.scimfleet.store;

class InMemoryProviderStoreTest extends ProviderStoreContractTest {
  @Override
  protected ProviderStore newStore() {
    return new InMemoryProviderStore();
  }
}
