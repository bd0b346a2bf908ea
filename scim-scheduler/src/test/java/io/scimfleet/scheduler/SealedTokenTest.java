package io.scimfleet.scheduler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.config.ProviderRequests;
import io.scimfleet.scheduler.sync.FullSyncScheduling;
import io.scimfleet.secret.SecretBox;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.ScimResources;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.pipeline.ProviderContexts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * An inline token is in Redis only sealed, a worker with the key still authenticates with it, and
 * the scheduler seals again what an older version or an older key left.
 */
class SealedTokenTest {
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
    ProviderRegistry registry =
        new ProviderRegistry(
            stores, new FullSyncScheduling(stores, jobs.queue(), metrics), security);
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
  void atStartTheSchedulerSealsClearAndOldKeyTokensWithTheCurrentKey() {
    SecretBox old = SecretBox.of(TestSecurity.key((byte) 1));
    SecretBox rotated = SecretBox.of(TestSecurity.key((byte) 2), TestSecurity.key((byte) 1));
    stores
        .providers()
        .put(aProvider("legacy").withCredential(Credential.inline("clear-token")).build());
    stores
        .providers()
        .put(aProvider("old").withCredential(Credential.inline(old.seal("old-token"))).build());
    stores
        .providers()
        .put(aProvider("env").withCredential(Credential.fromEnv("SCIM_TARGET_X")).build());
    ProviderRegistry registry =
        new ProviderRegistry(
            stores,
            new FullSyncScheduling(stores, jobs.queue(), metrics),
            security.withBox(rotated));

    assertThat(registry.resealInlineTokens()).isEqualTo(2);

    assertThat(rotated.open(token("legacy"))).isEqualTo("clear-token");
    assertThat(rotated.isCurrent(token("old"))).isTrue();
    assertThat(rotated.open(token("old"))).isEqualTo("old-token");
    assertThat(stores.providers().get("env").orElseThrow().credential())
        .isEqualTo(Credential.fromEnv("SCIM_TARGET_X"));
    assertThat(registry.resealInlineTokens()).isZero();
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
