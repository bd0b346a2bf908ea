package io.scimfleet.scheduler.changes;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.SyncStateBuilder.aSyncState;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.Change;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.ChangeFeed;
import io.scimfleet.store.Stores;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Membership and nesting changes reach the groups above (flatten) and the users whose group scope
 * moved.
 */
class NestedRoutingTest {
  private final Stores stores = Stores.inMemory();
  private final ChangeRouter router = new ChangeRouter(stores);

  @BeforeEach
  void treeRootMidLeafAndThreeProviders() {
    stores.directory().putUsers(List.of(aUser("u1").build(), aUser("u2").build()));
    stores.directory().putGroup(aGroup("leaf").build(), List.of("u1"), null);
    stores.directory().putGroup(aGroup("mid").build(), List.of(), List.of("leaf"));
    stores.directory().putGroup(aGroup("root").build(), List.of(), List.of("mid"));
    stores.directory().putGroup(aGroup("elsewhere").build(), List.of("u2"), null);
    stores.providers().put(aProvider("flat").build());
    stores.providers().put(aProvider("native").nestedGroups(NestedGroups.NATIVE).build());
    stores.providers().put(aProvider("scoped").scopedTo("root").build());
    stores.syncState().put(aSyncState("scoped", ObjectType.USER, "u1").createdAs("r-u1").build());
    stores
        .syncState()
        .put(aSyncState("scoped", ObjectType.GROUP, "leaf").createdAs("r-leaf").build());
    changes();
  }

  @Test
  void aUserAddedDeepInTheTreeRoutesEveryGroupAboveAndTheUserToTheScopedProvider() {
    stores.directory().addMember("leaf", "u2");

    List<SyncObjectRequest> jobs = router.route(changes(), false);

    assertThat(jobsOf(jobs, "flat"))
        .containsExactlyInAnyOrder("group:leaf", "group:mid", "group:root");
    assertThat(jobsOf(jobs, "native")).containsExactly("group:leaf");
    assertThat(jobsOf(jobs, "scoped"))
        .containsExactlyInAnyOrder("user:u2", "group:leaf", "group:mid", "group:root");
  }

  @Test
  void unnestingASubtreeRoutesItsUsersAndGroupsThatTheScopedProviderHolds() {
    stores.directory().removeMemberGroup("mid", "leaf");

    List<SyncObjectRequest> jobs = router.route(changes(), false);

    assertThat(jobsOf(jobs, "scoped"))
        .containsExactlyInAnyOrder("user:u1", "group:leaf", "group:mid", "group:root");
    assertThat(jobsOf(jobs, "flat")).containsExactlyInAnyOrder("group:mid", "group:root");
  }

  @Test
  void aUserOutsideTheScopeGroupsIsNotRoutedToTheScopedProvider() {
    stores.directory().putUser(aUser("u2").named("Renamed").build());

    assertThat(jobsOf(router.route(changes(), false), "scoped")).isEmpty();
  }

  @Test
  void aMembershipChangeWithoutItsMemberStillRoutesTheGroup() {
    // RedisChanges.decode gives a null member for a feed entry with an empty "m" field
    Change noMember = new Change(Change.Kind.MEMBERSHIP, "leaf", null, Change.Operation.UPSERT);

    List<SyncObjectRequest> jobs = router.route(List.of(noMember), false);

    assertThat(jobsOf(jobs, "flat"))
        .containsExactlyInAnyOrder("group:leaf", "group:mid", "group:root");
    assertThat(jobsOf(jobs, "scoped"))
        .containsExactlyInAnyOrder("group:leaf", "group:mid", "group:root");
  }

  private static List<String> jobsOf(List<SyncObjectRequest> jobs, String provider) {
    return jobs.stream()
        .filter(job -> job.provider().equals(provider))
        .map(job -> job.type().label() + ":" + job.objectId())
        .toList();
  }

  private List<Change> changes() {
    List<ChangeFeed.Entry> entries = stores.changes().read("test", 1_000, Duration.ZERO);
    stores.changes().ack(entries.stream().map(ChangeFeed.Entry::entryId).toList());
    return entries.stream().map(ChangeFeed.Entry::change).toList();
  }
}
