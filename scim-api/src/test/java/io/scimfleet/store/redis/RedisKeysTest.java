package io.scimfleet.store.redis;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.SyncStateBuilder.aSyncState;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestRedis;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.ScanParams;

class RedisKeysTest {
  private final RedisKeys keys = new RedisKeys("fleet-a:");

  @Test
  public void everyKeyStartsWithThePrefix() throws Exception {
    for (Method method : RedisKeys.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(method.getModifiers())
          || Modifier.isStatic(method.getModifiers())
          || method.getReturnType() != String.class
          || method.getName().equals("prefix")) continue;
      Object[] args =
          Arrays.stream(method.getParameterTypes())
              .map(
                  type ->
                      type == ObjectType.class
                          ? (Object) ObjectType.USER
                          : type == int.class ? (Object) 60 : "x")
              .toArray();
      assertThat((String) method.invoke(keys, args)).as(method.getName()).startsWith("fleet-a:");
    }
  }

  @Test
  public void theDefaultPrefixIsScim() {
    assertThat(RedisKeys.withDefaultPrefix().changes()).isEqualTo("scim:changes");
  }

  @Test
  public void theSyncPatternMatchesOneProviderOnlyAndEscapesGlobCharacters() {
    assertThat(keys.syncPattern("slack")).isEqualTo("fleet-a:sync:{slack}:*");
    assertThat(keys.syncPattern("we*rd[1]")).isEqualTo("fleet-a:sync:{we\\*rd\\[1\\]}:*");
  }

  /**
   * Runs every store on a Redis database that nothing else uses, then compares the database's size
   * with the keys found under the prefix: a key written outside the prefix would show.
   */
  @Test
  public void theStoresWriteNoKeyOutsideTheirPrefix() {
    int database = emptyDatabase();
    String prefix = TestRedis.uniquePrefix("keys");
    try (Stores stores =
        RedisStores.create(
            RedisConnections.pool(withDatabase(database), 16),
            new RedisKeys(prefix),
            Clock.systemUTC())) {
      useEveryStore(stores);
    }
    try (JedisPool pool = RedisConnections.pool(withDatabase(database), 2);
        Jedis jedis = pool.getResource()) {
      List<String> under =
          jedis
              .scan(
                  ScanParams.SCAN_POINTER_START, new ScanParams().match(prefix + "*").count(10_000))
              .getResult();
      assertThat(under).isNotEmpty();
      assertThat(jedis.dbSize()).isEqualTo(under.size());
      TestRedis.deleteKeys(pool, prefix);
    }
  }

  private static void useEveryStore(Stores stores) {
    IntStream.range(0, 3).forEach(i -> stores.directory().putUser(aUser("u" + i).build()));
    stores.directory().putGroup(aGroup("g1").build(), List.of("u0", "u1"));
    stores.directory().addMember("g1", "u2");
    stores.directory().deleteUser("u0");
    stores
        .changes()
        .ack(
            stores.changes().read("c", 100, Duration.ZERO).stream()
                .map(entry -> entry.entryId())
                .toList());
    stores.providers().put(aProvider("slack").build());
    stores.syncState().put(aSyncState("slack", ObjectType.USER, "u1").build());
    stores.syncState().startRun(FullSyncRun.started("r1", "slack", Instant.now()));
    stores.syncState().addPageResult("slack", "r1", "user:1", SyncCounts.ZERO, List.of("e"));
    stores.pendingJobs().mark("slack", ObjectType.USER, "u1");
    stores.locks().acquire("slack", ObjectType.USER, "u1", Duration.ofMinutes(1), Duration.ZERO);
  }

  /** A database (1–15) holding no key, so that this test can count every key written to it. */
  private static int emptyDatabase() {
    try (Jedis jedis = new Jedis(URI.create(TestRedis.url()))) {
      for (int db = 15; db > 0; db--) {
        jedis.select(db);
        if (jedis.dbSize() == 0) return db;
      }
    }
    throw new IllegalStateException("no empty Redis database among 1-15 for this test");
  }

  static String withDatabase(int database) {
    URI url = URI.create(TestRedis.url());
    return url.getScheme()
        + "://"
        + (url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@")
        + url.getHost()
        + ":"
        + (url.getPort() < 0 ? 6379 : url.getPort())
        + "/"
        + database;
  }
}
