package io.scimfleet.store.redis;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.Provider;
import io.scimfleet.store.ProviderStore;
import io.scimfleet.store.ProviderStoreContractTest;
import io.scimfleet.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisProviderStoreTest extends ProviderStoreContractTest {
  private static RedisFixture redis;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisProviderStoreTest.class);
  }

  @AfterEach
  void removeKeys() {
    redis.clean();
  }

  @AfterAll
  static void closeRedis() {
    redis.close();
  }

  @Override
  protected ProviderStore newStore() {
    return new RedisProviderStore(redis.pool(), redis.keys());
  }

  @Test
  void anUnchangedProviderIsNotParsedAgainAndAChangedOneIsReadAtOnce() {
    ProviderStore worker = newStore(); // another process's store, as a worker's
    store.put(aProvider("crm").at("https://crm.example/scim/v2").build());
    Provider first = worker.get("crm").orElseThrow();

    assertThat(worker.get("crm")).containsSame(first);
    assertThat(worker.list()).singleElement().isSameAs(first);

    store.put(aProvider("crm").at("https://crm.example/scim/v2").withDeletionThreshold(5).build());
    Provider changed = worker.get("crm").orElseThrow();
    assertThat(changed.deletionThresholdPercent()).isEqualTo(5);
    assertThat(worker.get("crm")).containsSame(changed);

    store.delete("crm");
    assertThat(worker.get("crm")).isEmpty();
    store.put(aProvider("crm").at("https://crm.example/scim/v2").build());
    assertThat(worker.get("crm").orElseThrow()).isNotSameAs(first); // read and parsed anew
  }
}
