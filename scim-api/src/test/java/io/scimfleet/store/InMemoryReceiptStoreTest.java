package io.scimfleet.store;

import java.time.Clock;
import java.time.Duration;

class InMemoryReceiptStoreTest extends ReceiptStoreContractTest {
  @Override
  protected ReceiptStore newReceiptStore(Duration retention) {
    return new InMemoryReceiptStore(Clock.systemUTC(), retention);
  }
}
