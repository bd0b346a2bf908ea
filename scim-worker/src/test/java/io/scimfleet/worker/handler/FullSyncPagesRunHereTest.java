package io.scimfleet.worker.handler;

import static io.scimfleet.testing.SyncStateBuilder.aSyncState;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.TestSecurity;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A phase's plan runs its first pages itself while they find nothing to do: an unchanged re-sync
 * makes no page jobs, and a page that sends hands the rest to page jobs in their window.
 */
class FullSyncPagesRunHereTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private final RecordingJobQueue queue = new RecordingJobQueue();
  private final FullSyncFlow flow =
      new FullSyncFlow(stores.syncState(), queue, 4); // a window of 2 pages
  private final List<Integer> ranHere = new ArrayList<>();

  @BeforeEach
  void directoryOf450Users() {
    stores
        .providers()
        .put(
            Provider.of(
                "crm",
                URI.create("http://127.0.0.1:9/scim/v2"),
                TestSecurity.inline("crm", "t0ken")));
    for (int i = 0; i < 450; i++)
      stores.directory().putUser(aUser(String.format("u%03d", i)).build());
    stores
        .syncState()
        .put(aSyncState("crm", ObjectType.USER, "u000").build()); // synced before: a re-sync
  }

  @Test
  void anUnchangedPhaseRunsInItsPlansJobAndEnqueuesOnlyTheNextPhase() {
    flow.runsPagesWith(page -> recordedHere(page, FullSyncFlow.PageRan.NOTHING_SENT));

    plan(false);

    assertThat(ranHere).containsExactly(1, 2, 3, 4, 5);
    assertThat(pageNumbers(queue.enqueued())).isEmpty();
    assertThat(queue.held()).isEmpty();
    assertThat(queue.enqueued())
        .filteredOn(FullSyncPhaseRequest.class::isInstance)
        .extracting(job -> ((FullSyncPhaseRequest) job).phase())
        .containsExactly(FullSyncRun.Phase.GROUPS);
    assertThat(run().counts().unchanged()).isEqualTo(450);
  }

  @Test
  void aPageThatSendsLeavesTheRestToPageJobsInTheirWindow() {
    flow.runsPagesWith(
        page ->
            recordedHere(
                page,
                page.page() == 2 ? FullSyncFlow.PageRan.SENT : FullSyncFlow.PageRan.NOTHING_SENT));

    plan(false);

    assertThat(ranHere).containsExactly(1, 2);
    assertThat(pageNumbers(queue.enqueued())).containsExactly(3, 4);
    assertThat(pageNumbers(queue.held())).containsExactly(5);
    assertThat(queue.heldFirst()).isTrue();
    assertThat(new SyncPageRequestOf(queue.enqueued().get(0)).page().successor())
        .as("page 3 releases page 5, held")
        .contains(queue.held().get(0).stableId());
    assertThat(queue.enqueued()).noneMatch(FullSyncPhaseRequest.class::isInstance);
  }

  @Test
  void aPageThatCannotRunHereIsAPageJobAsBefore() {
    flow.runsPagesWith(page -> FullSyncFlow.PageRan.NOT_RUN);

    plan(false);

    assertThat(pageNumbers(queue.enqueued())).containsExactly(1, 2);
    assertThat(pageNumbers(queue.held())).containsExactly(3, 4, 5);
  }

  @Test
  void aForcedSyncSendsEveryObjectSoItsPagesAreAllJobs() {
    flow.runsPagesWith(page -> recordedHere(page, FullSyncFlow.PageRan.NOTHING_SENT));

    plan(true);

    assertThat(ranHere).isEmpty();
    assertThat(pageNumbers(queue.enqueued())).containsExactly(1, 2);
    assertThat(pageNumbers(queue.held())).containsExactly(3, 4, 5);
  }

  @Test
  void aFirstSyncSendsEveryObjectSoItsPagesAreAllJobs() {
    stores.syncState().deleteProvider("crm");
    flow.runsPagesWith(page -> recordedHere(page, FullSyncFlow.PageRan.NOTHING_SENT));

    plan(false);

    assertThat(ranHere).isEmpty();
    assertThat(pageNumbers(queue.enqueued())).containsExactly(1, 2);
  }

  @Test
  void aPlannerThatDiesAfterRunningPagesHereIsPlannedAgainAndEveryPageRunsOnceMoreAsAJob() {
    flow.runsPagesWith(
        page -> {
          if (page.page() == 3) throw new IllegalStateException("the worker dies");
          return recordedHere(page, FullSyncFlow.PageRan.NOTHING_SENT);
        });
    assertThatThrownBy(() -> plan(false)).isInstanceOf(IllegalStateException.class);
    assertThat(run().phase()).isEqualTo(FullSyncRun.Phase.USERS);

    flow.runsPagesWith(page -> FullSyncFlow.PageRan.NOT_RUN); // another worker's planner
    plan(false); // the planner's job runs again

    assertThat(pageNumbers(queue.enqueued())).containsExactly(1, 2, 3, 4, 5);
    assertThat(run().counts().unchanged())
        .as("the two pages recorded here count once")
        .isEqualTo(200);
  }

  private void plan(boolean force) {
    new FullSyncPlanner(stores, flow, clock).run(new FullSyncRequest("crm", "r1", force));
  }

  /** What {@link PageJobHandler#runForPlan} does with a page: record it, as its job would. */
  private FullSyncFlow.PageRan recordedHere(SyncPageRequest page, FullSyncFlow.PageRan ran) {
    ranHere.add(page.page());
    int place =
        stores
            .syncState()
            .addPageResult(
                "crm",
                "r1",
                page.type().label() + ":" + page.page(),
                SyncCounts.ZERO.plus(SyncOutcome.UNCHANGED, page.objectIds().size()),
                List.of());
    flow.pageRecorded(page, place);
    return ran;
  }

  private FullSyncRun run() {
    return stores.syncState().currentRun("crm").orElseThrow();
  }

  private record SyncPageRequestOf(FleetJob job) {
    SyncPageRequest page() {
      return (SyncPageRequest) job;
    }
  }

  private static List<Integer> pageNumbers(List<FleetJob> jobs) {
    return jobs.stream()
        .filter(SyncPageRequest.class::isInstance)
        .map(job -> ((SyncPageRequest) job).page())
        .toList();
  }
}
