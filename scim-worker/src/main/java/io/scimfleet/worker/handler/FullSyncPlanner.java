package io.scimfleet.worker.handler;

import io.scimfleet.job.FullSyncHandler;
import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts a full sync: records the run, cuts the users into page jobs of 100 and hands them to the
 * {@link FullSyncFlow}. A run still going refuses a second one, unless it was abandoned long ago.
 */
public final class FullSyncPlanner implements FullSyncHandler {
  static final Duration ABANDONED_AFTER = Duration.ofHours(12);

  private final Stores stores;
  private final FullSyncFlow flow;
  private final Clock clock;

  public FullSyncPlanner(Stores stores, FullSyncFlow flow, Clock clock) {
    this.stores = stores;
    this.flow = flow;
    this.clock = clock;
  }

  @Override
  public void run(FullSyncRequest request) {
    Optional<Provider> provider =
        stores.providers().get(request.provider()).filter(Provider::enabled);
    if (provider.isEmpty()) {
      JobLog.info("provider " + request.provider() + " is gone or disabled: no full sync");
      return;
    }
    String runId = request.runId() != null ? request.runId() : UUID.randomUUID().toString();
    if (!start(request.provider(), runId)) return;
    List<SyncPageRequest> pages =
        PagePlan.pages(
            stores.directory(),
            ObjectType.USER,
            request.provider(),
            runId,
            request.force(),
            flow.pagesInFlight());
    FullSyncRun run = stores.syncState().currentRun(request.provider()).orElseThrow();
    JobLog.info(
        "full sync " + request.provider() + " run " + runId + ": " + pages.size() + " user pages");
    flow.planned(run, FullSyncRun.Phase.USERS, pages, request.force());
  }

  private boolean start(String provider, String runId) {
    Optional<FullSyncRun> current =
        stores.syncState().currentRun(provider).filter(FullSyncRun::running);
    if (current.isPresent() && current.get().runId().equals(runId))
      return current.get().userPages() == 0; // re-run after a crash
    if (current.isPresent()
        && current.get().startedAt().plus(ABANDONED_AFTER).isBefore(clock.instant())) {
      stores
          .syncState()
          .finishRun(
              provider,
              current.get().runId(),
              FullSyncRun.Status.FAILED,
              "abandoned: still running after " + ABANDONED_AFTER.toHours() + " h",
              clock.instant());
    }
    if (stores.syncState().startRun(FullSyncRun.started(runId, provider, clock.instant())))
      return true;
    JobLog.info("full sync " + provider + " is already running: this one is skipped");
    return false;
  }
}
