package io.scimfleet.worker.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.job.SyncPageHandler;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JobRunr runs a page again after a crash: the run counts it once and moves to the next phase once.
 */
class PageResultsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private final RecordingJobQueue queue = new RecordingJobQueue();
  private Worker worker;
  private SyncPageHandler pages;

  @BeforeEach
  void start() {
    worker =
        new Worker(
            stores,
            queue,
            new FleetMetrics(new SimpleMeterRegistry()),
            clock,
            2,
            TestSecurity.settings());
    pages = (SyncPageHandler) worker.handlers().get(SyncPageHandler.class);
    stores
        .providers()
        .put(
            Provider.of(
                "crm",
                URI.create("http://127.0.0.1:9/scim/v2"),
                TestSecurity.inline("crm", "t0ken")));
    FullSyncRun started = FullSyncRun.started("r1", "crm", clock.instant());
    stores.syncState().startRun(started);
    stores
        .syncState()
        .updateRun(
            new FullSyncRun(
                "r1",
                "crm",
                started.status(),
                FullSyncRun.Phase.USERS,
                started.startedAt(),
                null,
                2,
                0,
                0,
                null,
                null,
                null));
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void aPageRunTwiceCountsOnceAndDoesNotEndThePhaseEarly() throws Exception {
    pages.run(userPage(1));
    pages.run(userPage(1));

    assertThat(phasesEnqueued()).isEmpty();
    assertThat(stores.syncState().currentRun("crm").orElseThrow().pagesDone()).isEqualTo(1);
    assertThat(stores.syncState().currentRun("crm").orElseThrow().counts().skipped()).isEqualTo(1);
  }

  @Test
  void theLastPageRunTwiceStartsTheNextPhaseOnce() throws Exception {
    pages.run(userPage(1));
    pages.run(userPage(2));
    pages.run(userPage(2));
    pages.run(userPage(1));

    assertThat(phasesEnqueued()).containsExactly(FullSyncRun.Phase.GROUPS);
    assertThat(stores.syncState().currentRun("crm").orElseThrow().pagesDone()).isEqualTo(2);
  }

  private List<FullSyncRun.Phase> phasesEnqueued() {
    return queue.enqueued().stream()
        .filter(FullSyncPhaseRequest.class::isInstance)
        .map(job -> ((FullSyncPhaseRequest) job).phase())
        .toList();
  }

  /**
   * A page of one user the directory no longer holds and the target never had: skipped, no request.
   */
  private static SyncPageRequest userPage(int page) {
    return new SyncPageRequest(
        "crm", "r1", ObjectType.USER, page, 2, List.of("gone" + page), false, 0);
  }
}
