package io.scimfleet.store;

class InMemoryQuarantineStoreTest extends QuarantineStoreContractTest {
  @Override
  protected QuarantineStore newQuarantineStore() {
    return new InMemoryQuarantineStore();
  }
}
