package io.scimfleet.worker.handler;

import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.Provider;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.TestSecurity;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small full sync (600 users: 6 pages of 100) spreads evenly over the live workers: each worker's
 * share of the window ({@link PageShares}) holds about as many users as every other's.
 */
class SmallSyncSpreadTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private final RecordingJobQueue queue = new RecordingJobQueue();
  private final FullSyncFlow flow =
      new FullSyncFlow(stores.syncState(), queue, 8); // the default: 4 pages per worker at once

  @BeforeEach
  void directoryOf600Users() {
    stores
        .providers()
        .put(
            Provider.of(
                "crm",
                URI.create("http://127.0.0.1:9/scim/v2"),
                TestSecurity.inline("crm", "t0ken")));
    for (int i = 0; i < 600; i++)
      stores.directory().putUser(aUser(String.format("u%03d", i)).build());
  }

  @ParameterizedTest(name = "{0} live worker(s)")
  @ValueSource(ints = {2, 3, 4, 8})
  void theLiveWorkersShareTheUsersEvenly(int workers) {
    queue.servers(workers);

    List<SyncPageRequest> pages = plan("r1");

    List<Integer> usersPerWorker = usersPerWorker(pages, workers);
    assertThat(usersPerWorker).hasSize(workers);
    assertThat(usersPerWorker.stream().mapToInt(Integer::intValue).sum()).isEqualTo(600);
    assertThat(usersPerWorker)
        .as("no worker runs much more than its 1/%d of the users", workers)
        .allSatisfy(users -> assertThat(users).isLessThanOrEqualTo(600 / workers * 21 / 20));
    assertThat(pages).allSatisfy(page -> assertThat(page.objectIds()).hasSizeGreaterThan(9));
  }

  @Test
  void oneWorkerGetsPagesOf100AsBefore() {
    List<SyncPageRequest> pages = plan("r1");

    assertThat(pages).hasSize(6).allSatisfy(page -> assertThat(page.objectIds()).hasSize(100));
  }

  @Test
  void everyUserIsOnOnePageOnly() {
    queue.servers(4);

    List<String> users = plan("r1").stream().flatMap(page -> page.objectIds().stream()).toList();

    assertThat(users).hasSize(600).doesNotHaveDuplicates();
  }

  @Test
  void aPlanRunAgainAfterItsWorkerDiedCutsTheSamePages() {
    queue.servers(4);
    List<SyncPageRequest> first = plan("r1");
    RecordingJobQueue afterTheCrash = new RecordingJobQueue();
    afterTheCrash.servers(3); // the dead worker's heartbeat timed out
    FullSyncFlow again = new FullSyncFlow(stores.syncState(), afterTheCrash, 8);

    new FullSyncPlanner(stores, again, clock).run(new FullSyncRequest("crm", "r1", false));

    assertThat(pages(afterTheCrash))
        .extracting(SyncPageRequest::objectIds)
        .containsExactlyElementsOf(first.stream().map(SyncPageRequest::objectIds).toList());
  }

  private List<SyncPageRequest> plan(String runId) {
    new FullSyncPlanner(stores, flow, clock).run(new FullSyncRequest("crm", runId, false));
    return pages(queue);
  }

  private static List<SyncPageRequest> pages(RecordingJobQueue queue) {
    return Stream.concat(queue.enqueued().stream(), queue.held().stream())
        .filter(SyncPageRequest.class::isInstance)
        .map(SyncPageRequest.class::cast)
        .toList();
  }

  /**
   * The users each worker runs when each holds its share of the window at once, the pages in the
   * order they go: the window's first, then each held page as a page ends.
   */
  private static List<Integer> usersPerWorker(List<SyncPageRequest> pages, int workers) {
    int share = PageShares.share(pages.get(0).inFlight(), pages.size(), workers);
    List<Integer> users = new ArrayList<>();
    for (int worker = 0; worker < workers; worker++) users.add(0);
    for (int i = 0; i < pages.size(); i++) {
      int worker = Math.min(i / share, workers - 1);
      users.set(worker, users.get(worker) + pages.get(i).objectIds().size());
    }
    return users;
  }
}
