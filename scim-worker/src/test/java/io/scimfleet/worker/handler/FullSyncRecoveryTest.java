package io.scimfleet.worker.handler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.job.FullSyncStarts;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.FullSyncFollowUp;
import io.scimfleet.model.FullSyncMachine;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.store.Stores;
import io.scimfleet.store.SyncStateStore;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, items 1, 2 and 9: no run is left RUNNING by a planner that died or a page that fails
 * for good, and no full sync asked for during a run is dropped.
 */
class FullSyncRecoveryTest {
  private static final int USERS = 250; // three pages

  private final Stores real = Stores.inMemory();
  private final DrivenJobQueue queue = new DrivenJobQueue();
  private Worker worker;
  private Stores stores;

  @AfterEach
  void stop() {
    if (worker != null) worker.close();
  }

  @Test
  void aSyncAskedDuringARunRunsRightAfterItWithItsForce() {
    start(call -> null);
    FullSyncStarts starts = new FullSyncStarts(stores.syncState(), queue, Clock.systemUTC());
    stores.syncState().startRun(FullSyncRun.started("going", "crm", Instant.now()));

    FullSyncStarts.Asked first = starts.ask("crm", false);
    FullSyncStarts.Asked second = starts.ask("crm", true);

    assertThat(first.queued()).isTrue();
    assertThat(second.runId()).as("folded into one follow-up").isEqualTo(first.runId());
    assertThat(stores.syncState().followUp("crm"))
        .get()
        .extracting(FullSyncFollowUp::runId, FullSyncFollowUp::force)
        .containsExactly(first.runId(), true);
    assertThat(queue.drain(worker.handlers())).as("nothing starts while the run goes").isZero();

    new FullSyncFlow(stores.syncState(), queue, 8)
        .finished(
            stores.syncState().currentRun("crm").orElseThrow(),
            FullSyncMachine.Event.ABANDONED, // a run still PLANNED can only be abandoned
            null,
            Instant.now());
    queue.drain(worker.handlers());

    FullSyncRun last = stores.syncState().lastRun("crm").orElseThrow();
    assertThat(last.runId()).isEqualTo(first.runId());
    assertThat(last.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    assertThat(last.counts().total()).isEqualTo(USERS);
    assertThat(queue.ran())
        .filteredOn(SyncPageRequest.class::isInstance)
        .allSatisfy(page -> assertThat(((SyncPageRequest) page).force()).isTrue());
    assertThat(stores.syncState().followUp("crm")).as(queue.ran().toString()).isEmpty();
  }

  @Test
  void aPlannerThatFindsARunGoingQueuesItsRunInsteadOfDroppingIt() {
    start(call -> null);
    queue.enqueue(new FullSyncRequest("crm", "first", false));
    queue.enqueue(new FullSyncRequest("crm", "second", false)); // asked before the first planned

    queue.drain(worker.handlers());

    assertThat(stores.syncState().lastRun("crm"))
        .get()
        .extracting(FullSyncRun::runId, FullSyncRun::status)
        .containsExactly("second", FullSyncRun.Status.SUCCEEDED);
    assertThat(queue.failedForGood()).isEmpty();
  }

  @Test
  void aRecurringFiringWhosePlannerDiedMidPlanIsPlannedAgainAndFinishes() {
    start(call -> null);
    queue.dieWhen(where -> where.equals("enqueue full sync crm: users page 1/3"));
    queue.enqueue(new FullSyncRequest("crm", null, false)); // as the recurring job fires it

    queue.drain(worker.handlers());

    FullSyncRun last = stores.syncState().lastRun("crm").orElseThrow();
    assertThat(last.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    assertThat(last.counts().total()).isEqualTo(USERS);
    assertThat(stores.syncState().currentRun("crm")).isEmpty();
  }

  @Test
  void aPageThatFailsForGoodIsRecordedAndItsRunEndsPartialWithTheReason() {
    start(
        call ->
            call.method().equals("getAll") && call.mentions("u000")
                ? new IllegalStateException("page 1 cannot be read")
                : null);
    queue.enqueue(new FullSyncRequest("crm", "r1", false));

    queue.drain(worker.handlers());

    FullSyncRun last = stores.syncState().lastRun("crm").orElseThrow();
    assertThat(last.status()).isEqualTo(FullSyncRun.Status.PARTIAL);
    assertThat(last.counts().failed()).isEqualTo(100);
    assertThat(last.counts().total()).isEqualTo(USERS);
    assertThat(last.message())
        .contains("100 of 250 objects failed")
        .contains("page user:1 failed for good after 3 tries")
        .contains("page 1 cannot be read");
    assertThat(queue.failedForGood()).isEmpty();
  }

  private void start(Function<Faults.Call, Throwable> syncStateFault) {
    stores =
        real.withSyncState(Faults.injected(SyncStateStore.class, real.syncState(), syncStateFault));
    stores
        .providers()
        .put(
            aProvider("crm")
                .at("http://127.0.0.1:9/scim/v2")
                .withCredential(Credential.inline("t0ken"))
                .withDeletionThreshold(100)
                .dryRun()
                .build());
    for (int i = 0; i < USERS; i++)
      stores.directory().putUser(aUser(String.format("u%03d", i)).build());
    worker =
        new Worker(
            stores,
            queue,
            new FleetMetrics(new SimpleMeterRegistry()),
            Clock.systemUTC(),
            4,
            TestSecurity.settings());
  }
}
