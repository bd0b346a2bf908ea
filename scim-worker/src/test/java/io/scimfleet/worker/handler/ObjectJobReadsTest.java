package io.scimfleet.worker.handler;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Receipt;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Stores;
import io.scimfleet.store.SyncStateStore;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one change's job reads of the stores, on Redis against SCIM-SDK: the changed object once
 * from the directory and its sync state once (its receipt takes the remote id from that read, or
 * from the state written); a user's manager's state once; a group's members resolved once.
 */
class ObjectJobReadsTest {
  private static ScimSdkServer target;
  private static RedisFixture redis;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final List<String> reads = Collections.synchronizedList(new ArrayList<>());
  private Stores stores;
  private Worker worker;

  @BeforeAll
  static void startTarget() {
    target = ScimSdkServer.start();
    redis = RedisFixture.open(ObjectJobReadsTest.class);
  }

  @AfterAll
  static void stopTarget() {
    target.close();
    redis.close();
  }

  @BeforeEach
  void start() {
    target.reset();
    Stores redisStores = RedisStores.create(redis.pool(), redis.keys(), clock);
    stores = counted(redisStores);
    worker =
        new Worker(
            stores,
            new NoJobQueue(),
            new FleetMetrics(new SimpleMeterRegistry()),
            clock,
            2,
            TestSecurity.settings());
  }

  @AfterEach
  void stop() {
    worker.close();
    redis.clean();
  }

  @Test
  void aNewUsersJobReadsItAndItsStateOnce() throws Exception {
    provider(NestedGroups.FLATTEN);
    stores.directory().putUser(aUser("ada").build());

    reads.clear();
    sync(ObjectType.USER, "ada");

    assertThat(reads).containsOnlyOnce("user ada", "state USER ada");
    assertThat(target.users()).hasSize(1);
    assertThat(receipt("ada").remoteId()).isEqualTo(remoteId("ada")).isNotNull();
  }

  @Test
  void aDeletedUsersJobReadsItAndItsStateOnceAndItsReceiptKeepsItsRemoteId() throws Exception {
    provider(NestedGroups.FLATTEN);
    stores.directory().putUser(aUser("ada").build());
    sync(ObjectType.USER, "ada");
    String remoteId = remoteId("ada");
    stores.directory().deleteUser("ada");

    reads.clear();
    sync(ObjectType.USER, "ada");

    assertThat(reads).containsOnlyOnce("user ada", "state USER ada");
    assertThat(target.users()).isEmpty();
    assertThat(receipt("ada").remoteId()).isEqualTo(remoteId);
    assertThat(receipt("ada").lastAction()).isEqualTo("deleted");
  }

  @Test
  void aChangedUsersJobReadsItAndItsStateOnce() throws Exception {
    provider(NestedGroups.FLATTEN);
    stores.directory().putUser(aUser("ada").build());
    sync(ObjectType.USER, "ada");
    stores.directory().putUser(aUser("ada").with("title", "Countess").build());

    reads.clear();
    sync(ObjectType.USER, "ada");

    assertThat(reads).containsOnlyOnce("user ada", "state USER ada");
    assertThat(target.userNamed("ada").orElseThrow().path("title").asText()).isEqualTo("Countess");
    assertThat(receipt("ada").lastAction()).isEqualTo("updated");
    assertThat(receipt("ada").remoteId()).isEqualTo(remoteId("ada"));
  }

  @Test
  void aUserWithItsManagerOnTheTargetReadsItsManagersStateOnce() throws Exception {
    provider(NestedGroups.FLATTEN);
    stores.directory().putUser(aUser("boss").build());
    stores.directory().putUser(aUser("ada").with("manager", "boss").build());
    sync(ObjectType.USER, "boss");

    reads.clear();
    sync(ObjectType.USER, "ada");

    assertThat(reads).containsOnlyOnce("user ada", "state USER ada", "state USER boss");
    assertThat(reads).doesNotContain("user boss");
  }

  @Test
  void aGroupsJobReadsItItsStateAndItsMembersOnce() throws Exception {
    provider(NestedGroups.FLATTEN);
    stores.directory().putUser(aUser("ada").build());
    stores.directory().putUser(aUser("grace").build());
    sync(ObjectType.USER, "ada");
    sync(ObjectType.USER, "grace");
    stores.directory().putGroup(aGroup("eng").build(), List.of("ada", "grace"));

    reads.clear();
    sync(ObjectType.GROUP, "eng");

    assertThat(reads).containsOnlyOnce("group eng", "state GROUP eng", "members of eng");
    assertThat(target.memberNames("eng")).containsExactlyInAnyOrder("ada", "grace");
  }

  private String remoteId(String userId) {
    return stores.syncState().get("crm", ObjectType.USER, userId).orElseThrow().remoteId();
  }

  private Receipt receipt(String userId) {
    return stores.receipts().get(userId, "crm").orElseThrow();
  }

  private void sync(ObjectType type, String id) throws Exception {
    SyncObjectHandler handler = (SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class);
    handler.run(new SyncObjectRequest("crm", type, id, null));
  }

  private void provider(NestedGroups nested) {
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl().toString())
                .withCredential(Credential.inline(target.token()))
                .nestedGroups(nested)
                .withDeletionThreshold(100)
                .build());
  }

  /** The stores with their directory and sync-state reads written down in {@link #reads}. */
  private Stores counted(Stores inner) {
    DirectoryStore directory =
        proxy(
            DirectoryStore.class,
            inner.directory(),
            (method, args) ->
                switch (method) {
                  case "user" -> "user " + args[0];
                  case "users" -> "users " + args[0];
                  case "group" -> "group " + args[0];
                  case "transitiveMembers", "members", "memberGroups" ->
                      args[0] instanceof Collection<?> ? null : "members of " + args[0];
                  default -> null;
                });
    SyncStateStore syncState =
        proxy(
            SyncStateStore.class,
            inner.syncState(),
            (method, args) ->
                switch (method) {
                  case "get" -> "state " + args[1] + " " + args[2];
                  case "getAll" -> "states " + args[1] + " " + args[2];
                  default -> null;
                });
    return new Stores(
        directory,
        inner.changes(),
        inner.providers(),
        syncState,
        inner.pendingJobs(),
        inner.locks(),
        inner.quarantines(),
        inner.deletions(),
        inner.onClose(),
        inner.passwords(),
        inner.history(),
        inner.consoleSessions(),
        inner.receipts(),
        inner.probes());
  }

  /** What a read is written down as; null: not written down. */
  private interface Read {
    String of(String method, Object[] args);
  }

  private <T> T proxy(Class<T> type, T inner, Read read) {
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              String name = args == null ? null : read.of(method.getName(), args.clone());
              if (name != null) reads.add(name);
              try {
                return method.invoke(inner, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
    return type.cast(proxy);
  }
}
