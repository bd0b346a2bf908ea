package io.scimfleet.store;

import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoresTest {
  @Test
  public void inMemoryStoresShareOneChangeFeed() {
    try (Stores stores = Stores.inMemory()) {
      stores.directory().putUser(aUser("u1").build());

      assertThat(stores.changes().read("c", 10, Duration.ZERO)).hasSize(1);
    }
  }
}
