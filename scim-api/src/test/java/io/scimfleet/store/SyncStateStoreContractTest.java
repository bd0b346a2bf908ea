package io.scimfleet.store;

import static io.scimfleet.model.ObjectType.GROUP;
import static io.scimfleet.model.ObjectType.USER;
import static io.scimfleet.testing.SyncStateBuilder.aSyncState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scimfleet.model.DriftMarks;
import io.scimfleet.model.FullSyncFollowUp;
import io.scimfleet.model.FullSyncMachine;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.FullSyncRun.Phase;
import io.scimfleet.model.FullSyncRun.Status;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.model.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SyncStateStore} does. */
public abstract class SyncStateStoreContractTest {
  private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

  protected SyncStateStore store;
  protected ObjectLocks locks;

  /** Locks whose tokens fence {@link #newStore()}'s writes; called first. */
  protected abstract ObjectLocks newLocks();

  protected abstract SyncStateStore newStore();

  @BeforeEach
  void createStore() {
    locks = newLocks();
    store = newStore();
  }

  @Test
  public void fencedWritesWithTheCurrentTokenAreWritten() {
    ObjectSyncState first = aSyncState("slack", USER, "u1").createdAs("R-1").build();
    ObjectSyncState second = aSyncState("slack", USER, "u2").createdAs("R-2").build();
    store.recordCreateIntents("slack", USER, List.of("u1", "u2"), "attempt-1");
    try (ObjectLocks.Lock lock =
            locks
                .acquire("slack", USER, "u1", Duration.ofSeconds(30), Duration.ZERO)
                .orElseThrow();
        ObjectLocks.Locks page =
            locks.acquireFree("slack", USER, List.of("u2"), Duration.ofSeconds(30))) {
      store.put(first, lock.token());
      store.putAll(List.of(second), page.token());
    }

    assertThat(store.get("slack", USER, "u1")).contains(first);
    assertThat(store.get("slack", USER, "u2")).contains(second);
    assertThat(store.createIntents("slack", USER, List.of("u1", "u2"))).isEmpty();
  }

  @Test
  public void aWriteFromAHolderWhoseLeaseRanOutIsRefusedAndWritesNothing() {
    ObjectSyncState before = aSyncState("slack", USER, "u1").createdAs("R-1").build();
    store.put(before);
    ObjectLocks.Lock stale =
        locks.acquire("slack", USER, "u1", Duration.ofMillis(50), Duration.ZERO).orElseThrow();
    ObjectLocks.Lock next =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> locks.acquire("slack", USER, "u1", Duration.ofSeconds(30), Duration.ZERO),
                Optional::isPresent)
            .orElseThrow();
    ObjectSyncState late = aSyncState("slack", USER, "u1").createdAs("R-STALE").build();
    ObjectSyncState other = aSyncState("slack", USER, "u9").createdAs("R-9").build();

    assertThatThrownBy(() -> store.putAll(List.of(other, late), stale.token()))
        .isInstanceOf(LockLostException.class)
        .hasMessageContaining("lock for user")
        .hasMessageContaining("on provider slack was lost before its state was written")
        .satisfies(e -> assertThat(((LockLostException) e).objectIds()).contains("u1"));
    assertThat(store.get("slack", USER, "u1")).contains(before);
    assertThat(store.get("slack", USER, "u9")).isEmpty();

    store.put(late, next.token());
    assertThat(store.get("slack", USER, "u1")).contains(late);
    next.close();
  }

  @Test
  public void stateRoundTripsWithEveryField() {
    ObjectSyncState group =
        aSyncState("slack", GROUP, "g1")
            .createdAs("R-9")
            .withVersion("W/\"3\"")
            .withMembersSent("R-1", "R-2")
            .withPathsSent("userName", "title")
            .at(T0)
            .build();
    ObjectSyncState failed =
        aSyncState("slack", USER, "u1").failedWith("400 invalidValue: userName").build();

    store.put(group);
    store.put(failed);

    assertThat(store.get("slack", GROUP, "g1")).contains(group);
    assertThat(store.get("slack", USER, "u1")).contains(failed);
    assertThat(store.get("slack", USER, "g1")).isEmpty();
    assertThat(store.get("github", GROUP, "g1")).isEmpty();
  }

  @Test
  public void putAllStoresEveryStateAsPutDoes() {
    List<ObjectSyncState> states =
        List.of(
            aSyncState("slack", USER, "u1").createdAs("R-1").at(T0).build(),
            aSyncState("slack", USER, "u2")
                .createdAs("R-2")
                .withPathsSent("userName")
                .at(T0)
                .build());

    store.putAll(states);

    assertThat(store.getAll("slack", USER, List.of("u1", "u2")).values())
        .containsExactlyElementsOf(states);
    assertThat(store.count("slack", USER)).isEqualTo(2);
    assertThat(store.objectIds("slack", USER, null, 10).items()).containsExactly("u1", "u2");
  }

  @Test
  public void deleteRemovesTheStateFromReadsPagesAndCounts() {
    store.put(aSyncState("slack", USER, "u1").build());
    store.put(aSyncState("slack", USER, "u2").build());

    store.delete("slack", USER, "u1");

    assertThat(store.get("slack", USER, "u1")).isEmpty();
    assertThat(store.objectIds("slack", USER, null, 10).items()).containsExactly("u2");
    assertThat(store.count("slack", USER)).isEqualTo(1);
  }

  @Test
  public void getAllReturnsKnownStatesAndLeavesOutTheRest() {
    store.put(aSyncState("slack", USER, "u1").build());
    store.put(aSyncState("slack", USER, "u3").build());

    assertThat(store.getAll("slack", USER, List.of("u1", "u2", "u3")))
        .containsOnlyKeys("u1", "u3")
        .hasEntrySatisfying("u3", state -> assertThat(state.remoteId()).isEqualTo("remote-u3"));
    assertThat(store.getAll("slack", USER, List.of())).isEmpty();
  }

  @Test
  public void objectIdsPageInIdOrder() {
    IntStream.rangeClosed(1, 250)
        .map(i -> 251 - i)
        .forEach(i -> store.put(aSyncState("slack", USER, String.format("u%03d", i)).build()));
    store.put(aSyncState("slack", GROUP, "g1").build());

    List<Integer> sizes = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<String> page = store.objectIds("slack", USER, cursor, 100);
      sizes.add(page.items().size());
      seen.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);

    assertThat(sizes).containsExactly(100, 100, 50);
    assertThat(seen).hasSize(250).doesNotHaveDuplicates().isSorted();
    assertThat(store.count("slack", USER)).isEqualTo(250);
    assertThat(store.count("slack", GROUP)).isEqualTo(1);
  }

  @Test
  public void deleteProviderRemovesItsStatesAndRunsOnly() {
    store.put(aSyncState("slack", USER, "u1").build());
    store.put(aSyncState("slack", GROUP, "g1").build());
    store.put(aSyncState("github", USER, "u1").build());
    store.startRun(FullSyncRun.started("r1", "slack", T0));
    store.addPageResult(
        "slack", "r1", "user:1", SyncCounts.of(SyncOutcome.CREATED), List.of("oops"));
    store.startRun(FullSyncRun.started("r2", "github", T0));

    store.deleteProvider("slack");

    assertThat(store.count("slack", USER)).isZero();
    assertThat(store.count("slack", GROUP)).isZero();
    assertThat(store.currentRun("slack")).isEmpty();
    assertThat(store.get("github", USER, "u1")).isPresent();
    assertThat(store.currentRun("github")).isPresent();
  }

  @Test
  public void startRunRefusesWhileAnotherRunIsRunning() {
    assertThat(store.startRun(FullSyncRun.started("r1", "slack", T0))).isTrue();

    assertThat(store.startRun(FullSyncRun.started("r2", "slack", T0))).isFalse();
    assertThat(store.startRun(FullSyncRun.started("r3", "github", T0))).isTrue();
    assertThat(store.currentRun("slack"))
        .hasValueSatisfying(run -> assertThat(run.runId()).isEqualTo("r1"));
  }

  @Test
  public void startRunSucceedsOnceTheCurrentRunFinished() {
    store.startRun(FullSyncRun.started("r1", "slack", T0));
    store.finishRun("slack", "r1", Status.SUCCEEDED, null, T0.plusSeconds(60));

    assertThat(store.startRun(FullSyncRun.started("r2", "slack", T0.plusSeconds(120)))).isTrue();
  }

  @Test
  public void pageResultsFromManyThreadsAddUp() throws Exception {
    store.startRun(FullSyncRun.started("r1", "slack", T0));
    SyncCounts page = new SyncCounts(2, 3, 90, 1, 0, 4, 0, 0, 0);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        int n = i;
        results.add(
            pool.submit(
                () ->
                    store.addPageResult("slack", "r1", "user:" + n, page, List.of("error " + n))));
      }
      List<Integer> pagesDone = new ArrayList<>();
      for (Future<Integer> result : results) pagesDone.add(result.get());
      assertThat(pagesDone)
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
    } finally {
      pool.shutdown();
    }

    FullSyncRun run = store.currentRun("slack").orElseThrow();
    assertThat(run.pagesDone()).isEqualTo(40);
    assertThat(run.counts()).isEqualTo(new SyncCounts(80, 120, 3600, 40, 0, 160, 0, 0, 0));
    assertThat(run.errors()).hasSize(20).doesNotHaveDuplicates();
  }

  @Test
  public void aPageRecordedAgainAddsNothingAndKeepsItsPlace() {
    store.startRun(FullSyncRun.started("r1", "slack", T0));

    assertThat(
            store.addPageResult(
                "slack", "r1", "user:2", SyncCounts.of(SyncOutcome.CREATED), List.of("e1")))
        .isEqualTo(1);
    assertThat(
            store.addPageResult(
                "slack", "r1", "user:1", SyncCounts.of(SyncOutcome.UPDATED), List.of()))
        .isEqualTo(2);
    assertThat(
            store.addPageResult(
                "slack", "r1", "user:2", SyncCounts.of(SyncOutcome.CREATED), List.of("e1")))
        .isEqualTo(1);

    FullSyncRun run = store.currentRun("slack").orElseThrow();
    assertThat(run.pagesDone()).isEqualTo(2);
    assertThat(run.counts()).isEqualTo(new SyncCounts(1, 1, 0, 0, 0, 0, 0, 0, 0));
    assertThat(run.errors()).containsExactly("e1");
  }

  @Test
  public void aPageRecordedFromManyThreadsAtOnceCountsOnce() throws Exception {
    store.startRun(FullSyncRun.started("r1", "slack", T0));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> places = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        places.add(
            pool.submit(
                () ->
                    store.addPageResult(
                        "slack",
                        "r1",
                        "group:1",
                        SyncCounts.of(SyncOutcome.CREATED),
                        List.of("e"))));
      }
      for (Future<Integer> place : places) assertThat(place.get()).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(store.currentRun("slack").orElseThrow().counts().created()).isEqualTo(1);
    assertThat(store.currentRun("slack").orElseThrow().errors()).containsExactly("e");
  }

  @Test
  public void runKeepsItsFirstErrorsInOrder() {
    store.startRun(FullSyncRun.started("r1", "slack", T0));

    store.addPageResult(
        "slack",
        "r1",
        "user:1",
        SyncCounts.ZERO,
        IntStream.range(0, 15).mapToObj(i -> "e" + i).toList());
    store.addPageResult(
        "slack",
        "r1",
        "user:2",
        SyncCounts.ZERO,
        IntStream.range(15, 30).mapToObj(i -> "e" + i).toList());

    assertThat(store.currentRun("slack").orElseThrow().errors())
        .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "e" + i).toList());
  }

  @Test
  public void updateRunReplacesPhaseAndTotalsButKeepsTheCounts() {
    FullSyncRun started = FullSyncRun.started("r1", "slack", T0);
    store.startRun(started);
    store.addPageResult("slack", "r1", "user:1", SyncCounts.of(SyncOutcome.UPDATED), List.of());

    store.updateRun(
        new FullSyncRun(
            "r1",
            "slack",
            Status.RUNNING,
            Phase.GROUPS,
            T0,
            null,
            7,
            2,
            0,
            SyncCounts.ZERO,
            List.of(),
            "users planned"));

    FullSyncRun run = store.currentRun("slack").orElseThrow();
    assertThat(run.phase()).isEqualTo(Phase.GROUPS);
    assertThat(run.userPages()).isEqualTo(7);
    assertThat(run.groupPages()).isEqualTo(2);
    assertThat(run.message()).isEqualTo("users planned");
    assertThat(run.pagesDone()).isEqualTo(1);
    assertThat(run.counts().updated()).isEqualTo(1);
  }

  @Test
  public void aRunIsStoredInEachPhaseTheMachineMovesItToAndEndsInItsLast() {
    FullSyncRun run = FullSyncRun.started("r1", "slack", T0);
    store.startRun(run);
    assertThat(store.currentRun("slack").orElseThrow().phase()).isEqualTo(Phase.PLANNED);
    for (FullSyncMachine.Event event :
        List.of(
            FullSyncMachine.Event.USERS_PLANNED,
            FullSyncMachine.Event.GROUPS_PLANNED,
            FullSyncMachine.Event.CLEANUP_STARTED)) {
      run = run.moved(event);
      store.updateRun(run);
      assertThat(store.currentRun("slack").orElseThrow().phase()).isEqualTo(run.phase());
    }
    store.finishRun("slack", "r1", Status.PARTIAL, "1 of 2 objects failed", T0.plusSeconds(9));

    assertThat(store.lastRun("slack").orElseThrow().phase()).isEqualTo(Phase.PARTIAL);
    assertThat(store.recentRuns("slack").get(0).phase()).isEqualTo(Phase.PARTIAL);
    store.startRun(FullSyncRun.started("r2", "slack", T0.plusSeconds(10)));
    store.finishRun("slack", "r2", Status.SUCCEEDED, null, T0.plusSeconds(11));
    assertThat(store.lastRun("slack").orElseThrow().phase()).isEqualTo(Phase.DONE);
  }

  @Test
  public void finishRunMovesTheRunToLastWithItsCounts() {
    store.startRun(FullSyncRun.started("r1", "slack", T0));
    store.addPageResult(
        "slack", "r1", "user:1", SyncCounts.of(SyncOutcome.CREATED), List.of("boom"));
    store.addPageResult("slack", "r1", "user:2", SyncCounts.of(SyncOutcome.CREATED), List.of());

    store.finishRun("slack", "r1", Status.FAILED, "2 errors", T0.plusSeconds(90));

    assertThat(store.currentRun("slack")).isEmpty();
    FullSyncRun last = store.lastRun("slack").orElseThrow();
    assertThat(last.runId()).isEqualTo("r1");
    assertThat(last.status()).isEqualTo(Status.FAILED);
    assertThat(last.message()).isEqualTo("2 errors");
    assertThat(last.startedAt()).isEqualTo(T0);
    assertThat(last.finishedAt()).isEqualTo(T0.plusSeconds(90));
    assertThat(last.counts().created()).isEqualTo(2);
    assertThat(last.pagesDone()).isEqualTo(2);
    assertThat(last.errors()).containsExactly("boom");
  }

  @Test
  public void finishingARunThatIsNotCurrentChangesNothing() {
    store.startRun(FullSyncRun.started("r1", "slack", T0));

    store.finishRun("slack", "other", Status.SUCCEEDED, null, T0);

    assertThat(store.currentRun("slack")).isPresent();
    assertThat(store.lastRun("slack")).isEmpty();
  }

  @Test
  public void recentRunsKeepTheLastTwentyFinishedRunsNewestFirst() {
    for (int i = 1; i <= SyncStateStore.RECENT_RUNS + 2; i++) {
      store.startRun(FullSyncRun.started("r" + i, "slack", T0.plusSeconds(i)));
      store.finishRun("slack", "r" + i, Status.SUCCEEDED, null, T0.plusSeconds(i + 1L));
    }

    List<FullSyncRun> recent = store.recentRuns("slack");

    assertThat(recent).hasSize(SyncStateStore.RECENT_RUNS);
    assertThat(recent.get(0).runId()).isEqualTo("r22");
    assertThat(recent.get(SyncStateStore.RECENT_RUNS - 1).runId()).isEqualTo("r3");
    assertThat(recent.get(0)).isEqualTo(store.lastRun("slack").orElseThrow());
    store.deleteProvider("slack");
    assertThat(store.recentRuns("slack")).isEmpty();
  }

  @Test
  public void driftMarksAreKeptPerProviderAndAFullCheckAskedForIsNotOverwritten() {
    assertThat(store.driftMarks("slack")).isEqualTo(DriftMarks.NONE);
    DriftMarks marks =
        DriftMarks.NONE
            .withFullCheck(T0)
            .withIncremental(DriftMarks.Incremental.FILTER)
            .with(ObjectType.USER, new DriftMarks.TypeMarks(T0.minusSeconds(3), 2));
    store.putDriftMarks("slack", marks);
    assertThat(store.driftMarks("slack")).isEqualTo(marks);
    assertThat(store.driftMarks("github")).isEqualTo(DriftMarks.NONE);

    store.requestFullDriftCheck("slack", T0.plusSeconds(5));
    store.putDriftMarks(
        "slack", marks.withIncrementalCheck(T0.plusSeconds(9)).withIncremental(null));
    DriftMarks now = store.driftMarks("slack");
    assertThat(now.fullRequested()).as("asked after the last full check").isTrue();
    assertThat(now.incremental()).isNull();
    assertThat(now.lastIncrementalCheck()).isEqualTo(T0.plusSeconds(9));
    assertThat(now.of(ObjectType.GROUP)).isEqualTo(DriftMarks.TypeMarks.UNKNOWN);

    store.putDriftMarks("slack", now.withFullCheck(T0.plusSeconds(10)));
    assertThat(store.driftMarks("slack").fullRequested()).isFalse();

    store.deleteProvider("slack");
    assertThat(store.driftMarks("slack")).isEqualTo(DriftMarks.NONE);
  }

  @Test
  public void followUpsAskedDuringARunFoldIntoOneAndKeepAForce() {
    FullSyncFollowUp first = store.queueFollowUp("slack", new FullSyncFollowUp("f1", false, T0));
    FullSyncFollowUp folded =
        store.queueFollowUp("slack", new FullSyncFollowUp("f2", true, T0.plusSeconds(5)));
    FullSyncFollowUp again =
        store.queueFollowUp("slack", new FullSyncFollowUp("f3", false, T0.plusSeconds(9)));

    assertThat(first).isEqualTo(new FullSyncFollowUp("f1", false, T0));
    assertThat(folded).isEqualTo(new FullSyncFollowUp("f1", true, T0));
    assertThat(again).isEqualTo(folded);
    assertThat(store.followUp("slack")).contains(folded);
    assertThat(store.followUp("github")).isEmpty();
  }

  @Test
  public void aFollowUpIsTakenOnlyByTheRunItNames() {
    store.queueFollowUp("slack", new FullSyncFollowUp("f1", true, T0));

    assertThat(store.takeFollowUp("slack", "other")).isEmpty();
    assertThat(store.takeFollowUp("slack", "f1")).contains(new FullSyncFollowUp("f1", true, T0));
    assertThat(store.takeFollowUp("slack", "f1")).isEmpty();
    assertThat(store.followUp("slack")).isEmpty();
  }

  @Test
  public void aPagesFailuresAreCountedPerRunAndForgottenWithIt() {
    store.startRun(FullSyncRun.started("r1", "slack", T0));

    assertThat(store.pageFailed("slack", "r1", "user:1")).isEqualTo(1);
    assertThat(store.pageFailed("slack", "r1", "user:1")).isEqualTo(2);
    assertThat(store.pageFailed("slack", "r1", "user:2")).isEqualTo(1);
    store.finishRun("slack", "r1", Status.PARTIAL, null, T0);
    store.startRun(FullSyncRun.started("r1", "slack", T0));

    assertThat(store.pageFailed("slack", "r1", "user:1")).isEqualTo(1);
  }

  @Test
  public void deleteProviderForgetsItsFollowUp() {
    store.queueFollowUp("slack", new FullSyncFollowUp("f1", true, T0));

    store.deleteProvider("slack");

    assertThat(store.followUp("slack")).isEmpty();
  }
}
