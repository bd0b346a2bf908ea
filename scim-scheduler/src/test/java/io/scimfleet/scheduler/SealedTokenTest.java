package io.scimfleet.scheduler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.Provider;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.config.ProviderRequests;
import io.scimfleet.scheduler.sync.FullSyncScheduling;
import io.scimfleet.secret.SecretBinding;
import io.scimfleet.secret.SecretBox;
import io.scimfleet.secret.SecretException;
import io.scimfleet.store.ProviderStore;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.ScimResources;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.pipeline.ProviderContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * An inline token is in Redis only sealed, a worker with the key still authenticates with it, and
 * the scheduler seals again what an older version or an older key left.
 */
class SealedTokenTest {
  /** "old-token" in the first sealed format, with the key of {@code TestSecurity.key(1)}. */
  private static final String V1_OLD_TOKEN =
      "sealed:v1:72cd6e84:YL4bYe32gG4Ne1zvDCnBrjlYiLwAYJ5zQdAYHyL6yPoNlm3uTA";

  private final RedisFixture redis = RedisFixture.open(SealedTokenTest.class);
  private final Stores stores = RedisStores.create(redis.pool(), redis.prefix());
  private final JobRunrFleet jobs = JobRunrFleet.inMemory();
  private final ScimSdkServer target = ScimSdkServer.start();
  private final SecuritySettings security = TestSecurity.settings();
  private final FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());

  @AfterEach
  void close() {
    target.close();
    jobs.close();
    redis.close();
  }

  @Test
  void theClearTokenIsNowhereInRedisAndTheWorkerStillAuthenticates() {
    ProviderRegistry registry = registry(security);
    registry.put("crm", ProviderRequests.bearer(target.baseUrl().toString(), target.token()));

    assertThat(everyValueUnder(redis.prefix()))
        .isNotEmpty()
        .noneMatch(value -> value.contains(target.token()));
    try (ProviderContexts contexts =
        new ProviderContexts(
            stores.providers(), metrics, RateLimiter.local(), security, stores.directory())) {
      contexts.get("crm").orElseThrow().client().create("/Users", ScimResources.aUser("ada"));
    }
    assertThat(target.users()).hasSize(1);
  }

  @Test
  void atStartTheSchedulerSealsClearFirstFormatAndOldKeyTokensForTheirProvider() {
    SecretBox rotated = SecretBox.of(TestSecurity.key((byte) 2), TestSecurity.key((byte) 1));
    stores
        .providers()
        .put(aProvider("legacy").withStoredCredential(Credential.inline("clear-token")).build());
    stores
        .providers()
        .put(aProvider("old").withStoredCredential(Credential.inline(V1_OLD_TOKEN)).build());
    stores
        .providers()
        .put(aProvider("env").withCredential(Credential.fromEnv("SCIM_TARGET_X")).build());
    ProviderRegistry registry = registry(security.withBox(rotated));

    assertThat(registry.resealInlineTokens()).isEqualTo(2);

    assertThat(token("legacy")).startsWith("sealed:v2:");
    assertThat(rotated.open(token("legacy"), SecretBinding.provider("legacy", "token")))
        .isEqualTo("clear-token");
    assertThat(rotated.isCurrent(token("old"))).isTrue();
    assertThat(rotated.open(token("old"), SecretBinding.provider("old", "token")))
        .isEqualTo("old-token");
    assertThatThrownBy(() -> rotated.open(token("old"), SecretBinding.provider("legacy", "token")))
        .isInstanceOf(SecretException.class);
    assertThat(stores.providers().get("env").orElseThrow().credential())
        .isEqualTo(Credential.fromEnv("SCIM_TARGET_X"));
    assertThat(registry.resealInlineTokens()).isZero();
  }

  @Test
  void theResealNeverUndoesAProviderSavedWhileItRuns() {
    stores
        .providers()
        .put(aProvider("crm").withStoredCredential(Credential.inline("clear-token")).build());
    Provider savedMeanwhile =
        aProvider("crm")
            .at("https://new.example.org/scim/v2")
            .withCredential(Credential.inline("new-token"))
            .build();
    ProviderStore racing = new SavingAfterList(stores.providers(), savedMeanwhile);
    ProviderRegistry registry =
        new ProviderRegistry(
            stores.withProviders(racing),
            new FullSyncScheduling(stores, jobs.queue(), metrics),
            security);

    assertThat(registry.resealInlineTokens()).isZero();

    assertThat(stores.providers().get("crm")).contains(savedMeanwhile);
  }

  @Test
  void aTokenCopiedInRedisFromAnotherProviderDoesNotAuthenticate() {
    ProviderRegistry registry = registry(security);
    registry.put("crm", ProviderRequests.bearer(target.baseUrl().toString(), target.token()));
    registry.put("other", ProviderRequests.bearer(target.baseUrl().toString(), "other-token"));
    Provider other = stores.providers().get("other").orElseThrow();
    stores
        .providers()
        .put(other.withCredential(Credential.inline(token("crm")))); // moved by a Redis writer

    try (ProviderContexts contexts =
        new ProviderContexts(
            stores.providers(), metrics, RateLimiter.local(), security, stores.directory())) {
      assertThatThrownBy(() -> contexts.get("other"))
          .isInstanceOf(SecretException.class)
          .hasMessageContaining("sealed for another place");
    }
  }

  private ProviderRegistry registry(SecuritySettings settings) {
    return new ProviderRegistry(
        stores, new FullSyncScheduling(stores, jobs.queue(), metrics), settings);
  }

  /** A store on which a PUT lands right after the reseal has read the providers. */
  private static final class SavingAfterList implements ProviderStore {
    private final ProviderStore store;
    private final Provider saved;

    SavingAfterList(ProviderStore store, Provider saved) {
      this.store = store;
      this.saved = saved;
    }

    @Override
    public List<Provider> list() {
      List<Provider> read = store.list();
      store.put(saved);
      return read;
    }

    @Override
    public void put(Provider provider) {
      store.put(provider);
    }

    @Override
    public boolean replace(Provider expected, Provider replacement) {
      return store.replace(expected, replacement);
    }

    @Override
    public Optional<Provider> get(String name) {
      return store.get(name);
    }

    @Override
    public boolean delete(String name) {
      return store.delete(name);
    }
  }

  private String token(String provider) {
    return stores.providers().get(provider).orElseThrow().credential().token();
  }

  private List<String> everyValueUnder(String prefix) {
    List<String> values = new ArrayList<>();
    try (Jedis jedis = redis.pool().getResource()) {
      for (String key : jedis.keys(prefix + "*")) {
        values.add(key);
        switch (jedis.type(key)) {
          case "string" -> values.add(jedis.get(key));
          case "hash" -> values.addAll(jedis.hgetAll(key).values());
          case "set" -> values.addAll(jedis.smembers(key));
          case "list" -> values.addAll(jedis.lrange(key, 0, -1));
          case "zset" -> values.addAll(jedis.zrange(key, 0, -1));
          default -> values.add("(" + jedis.type(key) + ")");
        }
      }
    }
    return values;
  }
}
