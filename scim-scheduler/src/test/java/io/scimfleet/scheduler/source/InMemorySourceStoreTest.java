package io.scimfleet.scheduler.source;

class InMemorySourceStoreTest extends SourceStoreContractTest {
  @Override
  protected SourceStore newStore() {
    return new InMemorySourceStore();
  }
}
