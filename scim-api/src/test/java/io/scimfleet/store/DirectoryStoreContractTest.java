package io.scimfleet.store;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.model.Change;
import io.scimfleet.model.Change.Operation;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectTimes;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DirectoryStore} does; each implementation runs it with a feed of its own kind.
 */
public abstract class DirectoryStoreContractTest {
  protected ChangeFeed feed;
  protected DirectoryStore store;
  protected final MutableClock clock = MutableClock.startingNow();

  /** A fresh, empty change feed. */
  protected abstract ChangeFeed newFeed();

  /**
   * A fresh, empty directory that appends its changes to {@code feed} and records its times from
   * {@code clock}.
   */
  protected abstract DirectoryStore newDirectory(ChangeFeed feed, Clock clock);

  @BeforeEach
  void createStores() {
    feed = newFeed();
    store = newDirectory(feed, clock);
  }

  @Test
  public void aUniqueUserIsRefusedWhenAnotherUserHoldsItsUsernameInAnyCase() {
    store.putUniqueUser(aUser("u1").withUsername("Ada@Example.org").build());
    long version = store.version();

    assertThatThrownBy(
            () -> store.putUniqueUser(aUser("u2").withUsername("ada@EXAMPLE.org").build()))
        .isInstanceOf(UsernameTakenException.class)
        .hasMessageContaining("'u1'")
        .satisfies(e -> assertThat(((UsernameTakenException) e).holderId()).isEqualTo("u1"));
    assertThat(store.user("u2")).isEmpty();
    assertThat(store.version()).isEqualTo(version);
    assertThat(changes()).hasSize(1);
  }

  @Test
  public void aUniqueUserMayKeepOrChangeTheCaseOfItsOwnUsername() {
    store.putUniqueUser(aUser("u1").withUsername("ada").build());
    store.putUniqueUser(aUser("u1").named("Ada King").withUsername("ADA").build());

    assertThat(store.userByUsername("Ada")).map(DirectoryUser::name).contains("Ada King");
  }

  @Test
  public void aRenamedOrDeletedUserFreesItsUsername() {
    store.putUniqueUser(aUser("u1").withUsername("ada").build());
    store.putUniqueUser(aUser("u1").withUsername("ada.king").build());
    store.putUniqueUser(aUser("u2").withUsername("ada").build());
    store.deleteUser("u1");
    store.putUniqueUser(aUser("u3").withUsername("Ada.King").build());

    assertThat(store.userByUsername("ADA")).map(DirectoryUser::id).contains("u2");
    assertThat(store.userByUsername("ada.king")).map(DirectoryUser::id).contains("u3");
    assertThat(store.userByUsername("nobody")).isEmpty();
  }

  @Test
  public void lookupByUsernameSeesUsersWrittenByEveryPath() {
    store.putUser(aUser("u1").withUsername("grace").build());
    store.putUsers(List.of(aUser("u2").withUsername("Linus").build()));

    assertThat(store.userByUsername("GRACE")).map(DirectoryUser::id).contains("u1");
    assertThat(store.userByUsername("linus")).map(DirectoryUser::id).contains("u2");
    assertThatThrownBy(() -> store.putUniqueUser(aUser("u3").withUsername("linus").build()))
        .isInstanceOf(UsernameTakenException.class);
  }

  @Test
  public void membersByGroupReadsEachGroupsOwnMembers() {
    store.putUser(aUser("u1").build());
    store.putUser(aUser("u2").build());
    store.putGroup(aGroup("g1").named("A").build(), List.of("u1", "u2"));
    store.putGroup(aGroup("g2").named("B").build(), List.of("u2"));

    assertThat(store.membersByGroup(List.of("g1", "g2", "nobody")))
        .containsEntry("g1", Set.of("u1", "u2"))
        .containsEntry("g2", Set.of("u2"))
        .containsEntry("nobody", Set.of());
  }

  @Test
  public void timesKeepTheFirstWriteAndFollowEveryChangeIncludingMemberships() {
    Instant start = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    store.putUser(aUser("u1").build());
    store.putGroup(aGroup("g1").named("Engineers").build(), null);
    clock.advance(Duration.ofMinutes(1));
    store.putUser(aUser("u1").named("Ada King").build());
    assertThat(store.times(ObjectType.USER, "u1"))
        .contains(new ObjectTimes(start, start.plus(Duration.ofMinutes(1))));
    assertThat(store.times(ObjectType.GROUP, "g1")).contains(new ObjectTimes(start, start));
    assertThat(store.times(ObjectType.USER, List.of("u1", "nobody")))
        .containsOnlyKeys("u1")
        .containsEntry("u1", new ObjectTimes(start, start.plus(Duration.ofMinutes(1))));

    clock.advance(Duration.ofMinutes(1));
    store.addMember("g1", "u1");
    assertThat(store.times(ObjectType.GROUP, "g1"))
        .contains(new ObjectTimes(start, start.plus(Duration.ofMinutes(2))));

    store.deleteUser("u1");
    store.deleteGroup("g1");
    assertThat(store.times(ObjectType.USER, "u1")).isEmpty();
    assertThat(store.times(ObjectType.GROUP, "g1")).isEmpty();
  }

  @Test
  public void storedUserIsReadBackAsItWasPut() {
    DirectoryUser ada =
        aUser("u1")
            .named("Ada Lovelace")
            .with("department", "Analytics")
            .with("manager", Map.of("id", "u0"))
            .build();
    store.putUser(ada);

    assertThat(store.user("u1")).contains(ada);
    assertThat(store.user("nobody")).isEmpty();
    assertThat(store.userCount()).isEqualTo(1);
  }

  @Test
  public void puttingAUserAgainReplacesIt() {
    store.putUser(aUser("u1").named("Ada Lovelace").build());
    store.putUser(aUser("u1").named("Ada King").inactive().build());

    assertThat(store.user("u1"))
        .hasValueSatisfying(
            user -> {
              assertThat(user.name()).isEqualTo("Ada King");
              assertThat(user.active()).isFalse();
            });
    assertThat(store.userCount()).isEqualTo(1);
  }

  @Test
  public void deleteUserRemovesItAndSaysWhetherItExisted() {
    store.putUser(aUser("u1").build());

    assertThat(store.deleteUser("u1")).isTrue();
    assertThat(store.deleteUser("u1")).isFalse();
    assertThat(store.user("u1")).isEmpty();
    assertThat(store.userIds(null, 10).items()).isEmpty();
  }

  @Test
  public void batchGetReturnsKnownUsersInTheOrderAskedAndLeavesOutUnknownOnes() {
    store.putUser(aUser("u1").build());
    store.putUser(aUser("u2").build());
    store.putUser(aUser("u3").build());

    assertThat(store.users(List.of("u3", "missing", "u1")))
        .extracting(DirectoryUser::id)
        .containsExactly("u3", "u1");
    assertThat(store.users(List.of())).isEmpty();
  }

  @Test
  public void presentNamesTheIdsHeldOfThatTypeOnly() {
    store.putUser(aUser("u1").build());
    store.putUser(aUser("u2").build());
    store.putGroup(aGroup("g1").named("Engineers").build(), null);
    store.deleteUser("u2");

    assertThat(store.present(ObjectType.USER, List.of("u1", "u2", "g1", "missing")))
        .containsExactly("u1");
    assertThat(store.present(ObjectType.GROUP, List.of("g1", "u1"))).containsExactly("g1");
    assertThat(store.present(ObjectType.USER, List.of())).isEmpty();
  }

  @Test
  public void batchGetOfGroupsLeavesOutUnknownOnes() {
    store.putGroup(aGroup("g1").named("Engineers").build(), null);
    store.putGroup(aGroup("g2").named("Sales").build(), null);

    assertThat(store.groups(List.of("g2", "gx", "g1")))
        .extracting(group -> group.name())
        .containsExactly("Sales", "Engineers");
  }

  @Test
  public void userIdsPageInIdOrderWithoutDuplicates() {
    List<DirectoryUser> users =
        new ArrayList<>(
            IntStream.rangeClosed(1, 250)
                .mapToObj(i -> aUser(String.format("u%03d", i)).build())
                .toList());
    Collections.shuffle(users, new Random(7));
    store.putUsers(users);

    List<Integer> sizes = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<String> page = store.userIds(cursor, DirectoryStore.PAGE_SIZE);
      sizes.add(page.items().size());
      seen.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);

    assertThat(sizes).containsExactly(100, 100, 50);
    assertThat(seen).hasSize(250).doesNotHaveDuplicates().isSorted();
  }

  @Test
  public void aCursorStaysValidWhenItsIdIsDeletedAndEarlierIdsAreAdded() {
    IntStream.rangeClosed(1, 30)
        .forEach(i -> store.putUser(aUser(String.format("u%02d", i)).build()));
    Page<String> first = store.userIds(null, 10);

    store.deleteUser(first.nextCursor());
    store.putUser(aUser("u00").build());
    Page<String> second = store.userIds(first.nextCursor(), 10);

    assertThat(first.nextCursor()).isEqualTo("u10");
    assertThat(second.items())
        .containsExactly("u11", "u12", "u13", "u14", "u15", "u16", "u17", "u18", "u19", "u20");
  }

  @Test
  public void groupIdsPageInIdOrder() {
    IntStream.rangeClosed(1, 5).forEach(i -> store.putGroup(aGroup("g" + i).build(), null));

    Page<String> first = store.groupIds(null, 3);
    Page<String> second = store.groupIds(first.nextCursor(), 3);

    assertThat(first.items()).containsExactly("g1", "g2", "g3");
    assertThat(second.items()).containsExactly("g4", "g5");
    assertThat(second.hasNext()).isFalse();
    assertThat(store.groupCount()).isEqualTo(5);
  }

  @Test
  public void everyWriteAppendsExactlyItsChangeAndBumpsTheVersion() {
    long start = store.version();

    store.putUser(aUser("u1").build());
    store.putGroup(aGroup("g1").build(), null);
    store.addMember("g1", "u1");
    store.removeMember("g1", "u1");
    store.deleteGroup("g1");
    store.deleteUser("u1");

    assertThat(changes())
        .containsExactly(
            Change.user("u1", Operation.UPSERT),
            Change.group("g1", Operation.UPSERT),
            Change.membership("g1", "u1", Operation.UPSERT),
            Change.membership("g1", "u1", Operation.DELETE),
            Change.group("g1", Operation.DELETE),
            Change.user("u1", Operation.DELETE));
    assertThat(store.version()).isEqualTo(start + 6);
  }

  @Test
  public void writesThatChangeNothingAppendNothing() {
    store.putUser(aUser("u1").build());
    store.putGroup(aGroup("g1").build(), List.of("u1"));
    changes();
    long version = store.version();

    assertThat(store.addMember("g1", "u1")).isFalse();
    assertThat(store.removeMember("g1", "u2")).isFalse();
    assertThat(store.deleteUser("u2")).isFalse();
    assertThat(store.deleteGroup("g2")).isFalse();

    assertThat(changes()).isEmpty();
    assertThat(store.version()).isEqualTo(version);
  }

  @Test
  public void putUsersAppendsOneChangePerUserAndBumpsTheVersionForEach() {
    store.putUsers(List.of(aUser("u1").build(), aUser("u2").build(), aUser("u3").build()));

    assertThat(changes())
        .containsExactly(
            Change.user("u1", Operation.UPSERT),
            Change.user("u2", Operation.UPSERT),
            Change.user("u3", Operation.UPSERT));
    assertThat(store.version()).isEqualTo(3);
    assertThat(store.userCount()).isEqualTo(3);
  }

  @Test
  public void putGroupWithMembersReplacesThemAndAppendsTheGroupChangeAndTheMembershipDiff() {
    store.putUsers(List.of(aUser("u1").build(), aUser("u2").build(), aUser("u3").build()));
    store.putGroup(aGroup("g1").build(), List.of("u1", "u2"));
    changes();

    store.putGroup(aGroup("g1").named("Renamed").build(), List.of("u2", "u3"));

    assertThat(store.members("g1")).containsExactlyInAnyOrder("u2", "u3");
    assertThat(store.groupsOf("u1")).isEmpty();
    assertThat(store.groupsOf("u3")).containsExactly("g1");
    assertThat(store.group("g1"))
        .hasValueSatisfying(group -> assertThat(group.name()).isEqualTo("Renamed"));
    assertThat(changes())
        .containsExactly(
            Change.group("g1", Operation.UPSERT),
            Change.membership("g1", "u1", Operation.DELETE),
            Change.membership("g1", "u3", Operation.UPSERT));
  }

  @Test
  public void putGroupWithoutMemberIdsKeepsItsMembers() {
    store.putUser(aUser("u1").build());
    store.putGroup(aGroup("g1").build(), List.of("u1"));

    store.putGroup(aGroup("g1").named("Renamed").build(), null);

    assertThat(store.members("g1")).containsExactly("u1");
  }

  @Test
  public void putGroupWithAnUnknownMemberWritesNothing() {
    store.putUser(aUser("u1").build());
    store.putGroup(aGroup("g1").named("Before").build(), List.of("u1"));
    changes();
    long version = store.version();

    assertThatThrownBy(
            () -> store.putGroup(aGroup("g1").named("After").build(), List.of("u1", "ghost")))
        .isInstanceOf(UnknownMemberException.class)
        .hasMessageContaining("ghost");
    assertThatThrownBy(() -> store.putGroup(aGroup("g2").build(), List.of("ghost")))
        .isInstanceOf(UnknownMemberException.class);

    assertThat(store.group("g1"))
        .hasValueSatisfying(group -> assertThat(group.name()).isEqualTo("Before"));
    assertThat(store.group("g2")).isEmpty();
    assertThat(store.members("g1")).containsExactly("u1");
    assertThat(store.groupsOf("ghost")).isEmpty();
    assertThat(store.version()).isEqualTo(version);
    assertThat(changes()).isEmpty();
  }

  @Test
  public void addMemberNeedsAnExistingGroupAndUser() {
    store.putUser(aUser("u1").build());
    store.putGroup(aGroup("g1").build(), null);

    assertThatThrownBy(() -> store.addMember("g1", "ghost"))
        .isInstanceOf(UnknownMemberException.class);
    assertThatThrownBy(() -> store.addMember("nogroup", "u1"))
        .isInstanceOf(UnknownMemberException.class);
    assertThat(store.addMember("g1", "u1")).isTrue();
    assertThat(store.members("g1")).containsExactly("u1");
    assertThat(store.groupsOf("u1")).containsExactly("g1");
  }

  @Test
  public void deletingAUserRemovesItsMembershipsAndAppendsTheirChanges() {
    store.putUsers(List.of(aUser("u1").build(), aUser("u2").build()));
    store.putGroup(aGroup("g1").build(), List.of("u1", "u2"));
    store.putGroup(aGroup("g2").build(), List.of("u1"));
    changes();
    long version = store.version();

    store.deleteUser("u1");

    assertThat(store.members("g1")).containsExactly("u2");
    assertThat(store.members("g2")).isEmpty();
    assertThat(store.groupsOf("u1")).isEmpty();
    assertThat(changes())
        .containsExactlyInAnyOrder(
            Change.membership("g1", "u1", Operation.DELETE),
            Change.membership("g2", "u1", Operation.DELETE),
            Change.user("u1", Operation.DELETE));
    assertThat(store.version()).isEqualTo(version + 1);
  }

  @Test
  public void deletingAGroupRemovesItFromItsMembersGroups() {
    store.putUser(aUser("u1").build());
    store.putGroup(aGroup("g1").build(), List.of("u1"));
    store.putGroup(aGroup("g2").build(), List.of("u1"));

    assertThat(store.deleteGroup("g1")).isTrue();

    assertThat(store.groupsOf("u1")).containsExactly("g2");
    assertThat(store.members("g1")).isEmpty();
    assertThat(store.group("g1")).isEmpty();
    assertThat(store.groupCount()).isEqualTo(1);
  }

  @Test
  public void concurrentWritersLeaveConsistentIndexes() throws Exception {
    store.putGroup(aGroup("g0").build(), null);
    store.putGroup(aGroup("g1").build(), null);
    store.putGroup(aGroup("g2").build(), null);
    long start = store.version();
    AtomicLong writes = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> IntStream.range(0, 50).forEach(i -> write(thread, i, writes))));
      }
      for (Future<?> each : done) each.get();
    } finally {
      pool.shutdown();
    }

    assertThat(store.version()).isEqualTo(start + writes.get());
    assertConsistent();
  }

  private void write(int thread, int i, AtomicLong writes) {
    String user = "t" + thread + "-u" + (i % 7);
    String group = "g" + (i % 3);
    boolean wrote =
        switch (i % 4) {
          case 0 -> {
            store.putUser(aUser(user).build());
            yield true;
          }
          case 1 -> store.user(user).isPresent() && store.addMember(group, user);
          case 2 -> store.removeMember(group, user);
          default -> store.deleteUser(user);
        };
    if (wrote) writes.incrementAndGet();
  }

  private void assertConsistent() {
    Set<String> users = new HashSet<>(allIds(true));
    assertThat(store.userCount()).isEqualTo(users.size());
    assertThat(store.users(users)).hasSize(users.size());
    for (String group : allIds(false)) {
      for (String member : store.members(group)) {
        assertThat(users).as("member %s of %s exists", member, group).contains(member);
        assertThat(store.groupsOf(member)).contains(group);
      }
    }
    for (String user : users) {
      store.groupsOf(user).forEach(group -> assertThat(store.members(group)).contains(user));
    }
  }

  private List<String> allIds(boolean users) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Page<String> page = users ? store.userIds(cursor, 100) : store.groupIds(cursor, 100);
      ids.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return ids;
  }

  /** The changes appended since the last call. */
  protected List<Change> changes() {
    List<ChangeFeed.Entry> entries = feed.read("directory-test", 10_000, Duration.ZERO);
    feed.ack(entries.stream().map(ChangeFeed.Entry::entryId).toList());
    return entries.stream().map(ChangeFeed.Entry::change).toList();
  }

  // nested groups

  private void groups(String... ids) {
    for (String id : ids) store.putGroup(aGroup(id).build(), null);
  }

  @Test
  public void memberGroupsAreStoredWithTheirReverseAndEachNestingIsAChange() {
    groups("a", "b", "c");
    changes();
    long graph = store.groupGraphVersion();

    store.putGroup(aGroup("a").build(), null, List.of("b", "c"));

    assertThat(store.memberGroups("a")).containsExactlyInAnyOrder("b", "c");
    assertThat(store.parentGroups(List.of("b", "c")))
        .containsEntry("b", Set.of("a"))
        .containsEntry("c", Set.of("a"));
    assertThat(changes())
        .containsExactly(
            Change.group("a", Operation.UPSERT),
            Change.memberGroup("a", "b", Operation.UPSERT),
            Change.memberGroup("a", "c", Operation.UPSERT));
    assertThat(store.groupGraphVersion()).isGreaterThan(graph);

    store.putGroup(aGroup("a").build(), null, List.of("c"));

    assertThat(store.memberGroups("a")).containsExactly("c");
    assertThat(store.parentGroups(List.of("b"))).containsEntry("b", Set.of());
    assertThat(changes())
        .containsExactly(
            Change.group("a", Operation.UPSERT), Change.memberGroup("a", "b", Operation.DELETE));
  }

  @Test
  public void addAndRemoveOneMemberGroupSayWhetherTheyChangedAnything() {
    groups("a", "b");
    changes();
    long version = store.version();

    assertThat(store.addMemberGroup("a", "b")).isTrue();
    assertThat(store.addMemberGroup("a", "b")).isFalse();
    assertThat(store.removeMemberGroup("a", "b")).isTrue();
    assertThat(store.removeMemberGroup("a", "b")).isFalse();

    assertThat(changes())
        .containsExactly(
            Change.memberGroup("a", "b", Operation.UPSERT),
            Change.memberGroup("a", "b", Operation.DELETE));
    assertThat(store.version()).isEqualTo(version + 2);
  }

  @Test
  public void aNestingThatClosesACycleIsRefusedNamingThePathAndWritesNothing() {
    groups("a", "b", "c");
    store.addMemberGroup("a", "b");
    store.addMemberGroup("b", "c");
    changes();

    assertThatThrownBy(() -> store.addMemberGroup("c", "a"))
        .isInstanceOf(GroupCycleException.class)
        .hasMessageContaining("c → a → b → c");
    assertThatThrownBy(
            () -> store.putGroup(aGroup("b").named("Renamed").build(), null, List.of("c", "a")))
        .isInstanceOf(GroupCycleException.class)
        .hasMessageContaining("b → a → b");
    assertThatThrownBy(() -> store.addMemberGroup("a", "a"))
        .isInstanceOf(GroupCycleException.class)
        .hasMessageContaining("a → a");

    assertThat(changes()).isEmpty();
    assertThat(store.group("b"))
        .hasValueSatisfying(group -> assertThat(group.name()).isEqualTo("b"));
    assertThat(store.memberGroups("c")).isEmpty();
  }

  @Test
  public void anUnknownMemberGroupIsRefusedNamingIt() {
    groups("a");

    assertThatThrownBy(() -> store.putGroup(aGroup("a").build(), null, List.of("ghost")))
        .isInstanceOf(UnknownMemberException.class)
        .hasMessageContaining("group: ghost");
    assertThatThrownBy(() -> store.addMemberGroup("a", "ghost"))
        .isInstanceOf(UnknownMemberException.class)
        .hasMessageContaining("ghost");
    assertThat(store.memberGroups("a")).isEmpty();
  }

  @Test
  public void transitiveMembersAndEnclosingGroupsFollowTheTreeAtAnyDepth() {
    store.putUsers(
        List.of(
            aUser("u1").build(), aUser("u2").build(), aUser("u3").build(), aUser("u4").build()));
    store.putGroup(aGroup("leaf").build(), List.of("u3"), null);
    store.putGroup(aGroup("mid").build(), List.of("u2"), List.of("leaf"));
    store.putGroup(aGroup("root").build(), List.of("u1"), List.of("mid"));
    store.putGroup(aGroup("other").build(), List.of("u4"), List.of("leaf"));

    assertThat(store.transitiveMembers("root")).containsExactlyInAnyOrder("u1", "u2", "u3");
    assertThat(store.transitiveMembers("mid")).containsExactlyInAnyOrder("u2", "u3");
    assertThat(store.nestedGroups(List.of("root")))
        .containsExactlyInAnyOrder("root", "mid", "leaf");
    assertThat(store.enclosingGroups(List.of("leaf")))
        .containsExactlyInAnyOrder("leaf", "mid", "root", "other");
    assertThat(store.groupsOf(List.of("u3", "u1")))
        .containsEntry("u3", Set.of("leaf"))
        .containsEntry("u1", Set.of("root"));
  }

  @Test
  public void deletingANestedGroupUnlinksItEverywhereWithAChangePerLink() {
    store.putUser(aUser("u1").build());
    groups("top", "bottom");
    store.putGroup(aGroup("mid").build(), List.of("u1"), List.of("bottom"));
    store.addMemberGroup("top", "mid");
    changes();

    assertThat(store.deleteGroup("mid")).isTrue();

    assertThat(store.memberGroups("top")).isEmpty();
    assertThat(store.enclosingGroups(List.of("bottom"))).containsExactly("bottom");
    assertThat(store.groupsOf("u1")).isEmpty();
    assertThat(changes())
        .containsExactly(
            Change.membership("mid", "u1", Operation.DELETE),
            Change.memberGroup("mid", "bottom", Operation.DELETE),
            Change.memberGroup("top", "mid", Operation.DELETE),
            Change.group("mid", Operation.DELETE));
  }

  @Test
  public void thousandsOfNestedGroupsResolveInFewRoundTrips() {
    List<String> ids = IntStream.range(0, 2_000).mapToObj(i -> String.format("g%04d", i)).toList();
    ids.forEach(id -> store.putGroup(aGroup(id).build(), null));
    for (int i = 1; i < ids.size(); i++)
      store.addMemberGroup(ids.get((i - 1) / 4), ids.get(i)); // a 4-ary tree

    long started = System.nanoTime();
    assertThat(store.nestedGroups(List.of("g0000"))).hasSize(2_000);
    assertThat(store.enclosingGroups(List.of("g1999"))).contains("g0000");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }
}
