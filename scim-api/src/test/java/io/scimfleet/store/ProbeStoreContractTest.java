package io.scimfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProbeStore} does. */
public abstract class ProbeStoreContractTest {
  protected ProbeStore store;

  protected abstract ProbeStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  public void aReportIsReadByItsProviderAndId() {
    store.put("crm", "p1", "{\"checks\":[]}", ProbeStore.TTL);
    store.put("hr", "p1", "{\"other\":true}", ProbeStore.TTL);

    assertThat(store.get("crm", "p1")).contains("{\"checks\":[]}");
    assertThat(store.get("hr", "p1")).contains("{\"other\":true}");
    assertThat(store.get("crm", "p2")).isEmpty();
    assertThat(store.get("nobody", "p1")).isEmpty();
  }

  @Test
  public void aReportIsGoneAfterItsTtl() {
    store.put("crm", "short", "{}", Duration.ofMillis(200));

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> store.get("crm", "short").isEmpty());
  }
}
