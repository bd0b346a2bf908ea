package io.scimfleet.worker.handler;

import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.TestSecurity;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A full sync's pages go in a window: the first ones are enqueued, the rest held, and each recorded
 * page releases the next held one.
 */
class FullSyncWindowTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private final RecordingJobQueue queue = new RecordingJobQueue();
  private final FullSyncFlow flow =
      new FullSyncFlow(stores.syncState(), queue, 4); // a window of 2 pages

  @BeforeEach
  void directoryOf450Users() {
    stores
        .providers()
        .put(
            Provider.of(
                "crm",
                URI.create("http://127.0.0.1:9/scim/v2"),
                TestSecurity.inline("crm", "t0ken")));
    for (int i = 0; i < 450; i++) {
      stores.directory().putUser(aUser(String.format("u%03d", i)).build());
    }
  }

  @Test
  void theFirstPagesWithinTheWindowAreEnqueuedAndTheRestHeld() {
    new FullSyncPlanner(stores, flow, clock).run(new FullSyncRequest("crm", "r1", false));

    assertThat(pageNumbers(queue.enqueued())).containsExactly(1, 2);
    assertThat(pageNumbers(queue.held())).containsExactly(3, 4, 5);
    assertThat(queue.held()).allSatisfy(page -> assertThat(page.stableId()).isNotNull());
    assertThat(queue.heldFirst())
        .as("held before the first page can run and release one of them")
        .isTrue();
  }

  @Test
  void eachRecordedPageReleasesTheNextHeldOneAndTheLastEndsThePhase() {
    new FullSyncPlanner(stores, flow, clock).run(new FullSyncRequest("crm", "r1", false));
    List<SyncPageRequest> pages =
        java.util.stream.Stream.concat(queue.enqueued().stream(), queue.held().stream())
            .map(SyncPageRequest.class::cast)
            .toList();

    for (int place = 1; place <= pages.size(); place++) record(pages.get(place - 1), place);

    assertThat(queue.released())
        .containsExactly(pageId(3), pageId(4), pageId(5))
        .containsExactlyElementsOf(
            queue.held().stream().map(FleetJob::stableId).toList()); // the held ones, in order
    assertThat(queue.enqueued())
        .filteredOn(FullSyncPhaseRequest.class::isInstance)
        .extracting(job -> ((FullSyncPhaseRequest) job).phase())
        .containsExactly(FullSyncRun.Phase.GROUPS);
  }

  @Test
  void aPageReleasesThePageAWindowAfterItsOwnNumberWhateverTheOrderTheyEnd() {
    new FullSyncPlanner(stores, flow, clock).run(new FullSyncRequest("crm", "r1", false));
    SyncPageRequest second = (SyncPageRequest) queue.enqueued().get(1);

    record(second, 1);

    assertThat(queue.released()).containsExactly(pageId(4));
  }

  @Test
  void aPageRecordedAgainAfterACrashReleasesNoOtherPage() {
    new FullSyncPlanner(stores, flow, clock).run(new FullSyncRequest("crm", "r1", false));
    SyncPageRequest first = (SyncPageRequest) queue.enqueued().get(0);

    record(first, 1);
    record(first, 1); // the count did not move

    assertThat(queue.released()).containsOnly(pageId(3));
  }

  @Test
  void aPlanThatFitsTheWindowHoldsNothing() {
    FullSyncFlow wide = new FullSyncFlow(stores.syncState(), queue, 10);
    new FullSyncPlanner(stores, wide, clock).run(new FullSyncRequest("crm", "r1", false));

    assertThat(pageNumbers(queue.enqueued())).containsExactly(1, 2, 3, 4, 5);
    assertThat(queue.held()).isEmpty();
  }

  @Test
  void aPageFromBeforeWindowsReleasesNothing() {
    SyncPageRequest old =
        new SyncPageRequest("crm", "r1", ObjectType.USER, 1, 5, List.of("u000"), false, 0);

    assertThat(old.successor()).isEmpty();
  }

  private void record(SyncPageRequest page, int expectedPlace) {
    int place =
        stores
            .syncState()
            .addPageResult(
                "crm", "r1", page.type().label() + ":" + page.page(), SyncCounts.ZERO, List.of());
    assertThat(place).isEqualTo(expectedPlace);
    flow.pageRecorded(page, place);
  }

  private static UUID pageId(int page) {
    return SyncPageRequest.idOf("r1", ObjectType.USER, page);
  }

  private static List<Integer> pageNumbers(List<FleetJob> jobs) {
    return jobs.stream()
        .filter(SyncPageRequest.class::isInstance)
        .map(job -> ((SyncPageRequest) job).page())
        .toList();
  }
}
