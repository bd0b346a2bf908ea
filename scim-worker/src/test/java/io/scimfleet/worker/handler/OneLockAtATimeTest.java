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
import io.scimfleet.store.InMemoryObjectLocks;
import io.scimfleet.store.ObjectLocks;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A group whose members the target does not know yet syncs them first, each under its own lock and
 * none while the group's lock is held (the group's read under its lock finds them, and lets the
 * lock go for them): a sync never holds two object locks at once.
 */
class OneLockAtATimeTest {
  private static ScimSdkServer target;

  @BeforeAll
  static void startTarget() {
    target = ScimSdkServer.start();
  }

  @AfterAll
  static void stopTarget() {
    target.close();
  }

  @Test
  void aGroupSyncsItsNewMembersAndChildGroupsFirstWithoutHoldingItsOwnLock() throws Exception {
    CountingLocks locks = new CountingLocks();
    Stores memory = Stores.inMemory();
    Stores stores = memory.withLocks(locks);
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl().toString())
                .withCredential(Credential.inline(target.token()))
                .nestedGroups(NestedGroups.NATIVE)
                .build());
    for (String id : List.of("u1", "u2", "u3")) stores.directory().putUser(aUser(id).build());
    stores.directory().putGroup(aGroup("child").named("Child").build(), List.of("u3"), List.of());
    stores
        .directory()
        .putGroup(aGroup("g1").named("Engineers").build(), List.of("u1", "u2"), List.of("child"));

    try (Worker worker =
        new Worker(
            stores,
            new NoJobQueue(),
            new FleetMetrics(new SimpleMeterRegistry()),
            Clock.systemUTC(),
            2,
            TestSecurity.settings())) {
      ((SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class))
          .run(new SyncObjectRequest("crm", ObjectType.GROUP, "g1", null));
    }

    // each group is locked to read it and its members once, let go while its members go first,
    // then locked again to be read and synced
    assertThat(locks.taken)
        .containsExactly(
            "group:g1", "user:u1", "user:u2", "group:child", "user:u3", "group:child", "group:g1");
    assertThat(locks.mostHeldAtOnce).isEqualTo(1);
    assertThat(target.users()).hasSize(3);
    assertThat(target.groups()).hasSize(2);
  }

  /**
   * In-memory locks that note the order they were taken in, and how many one thread held at once.
   */
  private static final class CountingLocks implements ObjectLocks {
    private final ObjectLocks locks = new InMemoryObjectLocks(Clock.systemUTC());
    private final ThreadLocal<Integer> held = ThreadLocal.withInitial(() -> 0);
    final List<String> taken = new ArrayList<>();
    int mostHeldAtOnce;

    @Override
    public Optional<Lock> acquire(
        String provider, ObjectType type, String objectId, Duration lease, Duration wait) {
      Optional<Lock> lock = locks.acquire(provider, type, objectId, lease, wait);
      if (lock.isEmpty()) return lock;
      taken.add(type.label() + ":" + objectId);
      held.set(held.get() + 1);
      mostHeldAtOnce = Math.max(mostHeldAtOnce, held.get());
      return Optional.of(
          () -> {
            held.set(held.get() - 1);
            lock.get().close();
          });
    }
  }
}
