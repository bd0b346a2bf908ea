package io.scimfleet.store;

class InMemoryObjectHistoryTest extends ObjectHistoryContractTest {
  @Override
  protected ObjectHistory newObjectHistory() {
    return new InMemoryObjectHistory();
  }
}
