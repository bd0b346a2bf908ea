package io.scimfleet.store;

import java.time.Clock;

class InMemoryPasswordStoreTest extends PasswordStoreContractTest {
  @Override
  protected PasswordStore newPasswordStore() {
    return new InMemoryPasswordStore(Clock.systemUTC());
  }
}
