package io.scimfleet.worker.handler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.FullSyncMachine;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.FullSyncRun.Phase;
import io.scimfleet.store.Stores;
import io.scimfleet.store.SyncStateStore;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A full sync's phases as the sync-state store records them (issue 19): every one of {@code PLANNED
 * → USERS → GROUPS → CLEANUP → DONE}, in order, each through {@link FullSyncFlow}; a phase job the
 * state machine refuses fails for good, leaving the run where it was; one whose run is already past
 * it (run again after a crash) does nothing.
 */
class FullSyncPhaseRecordTest {
  private final Stores real = Stores.inMemory();
  private final DrivenJobQueue queue = new DrivenJobQueue();
  private final List<Phase> recorded = new ArrayList<>();
  private Worker worker;
  private Stores stores;

  @AfterEach
  void stop() {
    if (worker != null) worker.close();
  }

  @Test
  void aRunIsRecordedInEveryPhaseInOrderAndEndsDone() {
    start();
    queue.enqueue(new FullSyncRequest("crm", "r1", false));

    queue.drain(worker.handlers());

    FullSyncRun last = stores.syncState().lastRun("crm").orElseThrow();
    assertThat(last.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    assertThat(last.phase()).isEqualTo(Phase.DONE);
    assertThat(recorded.stream().distinct())
        .containsExactly(Phase.PLANNED, Phase.USERS, Phase.GROUPS, Phase.CLEANUP);
    assertThat(queue.failedForGood()).isEmpty();
  }

  @Test
  void aCleanUpAskedForARunStillInItsUsersFailsForGoodAndLeavesTheRunThere() {
    start();
    stores
        .syncState()
        .startRun(FullSyncRun.started("r1", "crm", Instant.now()).planned(Phase.USERS, 3));
    queue.enqueue(new FullSyncPhaseRequest("crm", "r1", Phase.CLEANUP, false));

    queue.drain(worker.handlers());

    assertThat(queue.failedForGood())
        .singleElement()
        .asString()
        .contains("full sync crm run r1: a full sync in phase USERS cannot take CLEANUP_STARTED");
    FullSyncRun current = stores.syncState().currentRun("crm").orElseThrow();
    assertThat(current.phase()).isEqualTo(Phase.USERS);
    assertThat(current.running()).isTrue();
    assertThat(stores.syncState().lastRun("crm")).isEmpty();
  }

  @Test
  void aGroupsJobRunAgainAfterItsRunMovedOnChangesNothing() {
    start();
    stores
        .syncState()
        .startRun(
            FullSyncRun.started("r1", "crm", Instant.now())
                .planned(Phase.USERS, 0)
                .planned(Phase.GROUPS, 0)
                .moved(FullSyncMachine.Event.CLEANUP_STARTED));
    queue.enqueue(new FullSyncPhaseRequest("crm", "r1", Phase.GROUPS, false));

    queue.drain(worker.handlers());

    assertThat(queue.failedForGood()).isEmpty();
    assertThat(stores.syncState().currentRun("crm").orElseThrow().phase()).isEqualTo(Phase.CLEANUP);
    assertThat(queue.ran()).hasSize(1); // no page, no next phase
  }

  private void start() {
    stores =
        real.withSyncState(
            Faults.injected(
                SyncStateStore.class,
                real.syncState(),
                call -> {
                  if (call.method().equals("startRun") || call.method().equals("updateRun"))
                    recorded.add(((FullSyncRun) call.args()[0]).phase());
                  return null;
                }));
    stores
        .providers()
        .put(
            aProvider("crm")
                .at("http://127.0.0.1:9/scim/v2")
                .withCredential(Credential.inline("t0ken"))
                .dryRun()
                .build());
    for (int i = 0; i < 150; i++)
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
