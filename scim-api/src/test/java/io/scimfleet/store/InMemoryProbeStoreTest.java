package io.scimfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class InMemoryProbeStoreTest extends ProbeStoreContractTest {
  @Override
  protected ProbeStore newStore() {
    return new InMemoryProbeStore(Clock.systemUTC());
  }

  @Test
  void beyondItsCapTheOldestReportGoes() {
    for (int i = 0; i <= InMemoryProbeStore.MAX; i++)
      store.put("crm", "p" + i, "{}", ProbeStore.TTL);

    assertThat(store.get("crm", "p0")).isEmpty();
    assertThat(store.get("crm", "p" + InMemoryProbeStore.MAX)).isPresent();
  }
}
