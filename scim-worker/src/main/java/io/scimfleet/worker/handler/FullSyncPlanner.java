package io.scimfleet.worker.handler;

import io.scimfleet.job.FullSyncHandler;
import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.job.JobConsole;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.FullSyncFollowUp;
import io.scimfleet.model.FullSyncMachine;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * Starts a full sync: records the run, cuts the users into page jobs ({@link PageCut}: of 100,
 * smaller for a small directory over several workers) and hands them to the {@link FullSyncFlow}.
 * The same run asked again (its planner job run again after a crash) is planned again while it is
 * still in its user phase. Another run still going makes this one its follow-up ({@link
 * io.scimfleet.job.FullSyncStarts}), started when that run ends, unless that run was abandoned long
 * ago.
 */
public final class FullSyncPlanner implements FullSyncHandler {
  static final Duration ABANDONED_AFTER = Duration.ofHours(12);

  private final Stores stores;
  private final FullSyncFlow flow;
  private final Clock clock;
  private final ToIntFunction<String> pageSize;

  public FullSyncPlanner(Stores stores, FullSyncFlow flow, Clock clock) {
    this(stores, flow, clock, provider -> DirectoryStore.PAGE_SIZE);
  }

  /**
   * @param pageSize a provider's objects per page ({@link io.scimfleet.worker.pipeline.PageSize})
   */
  public FullSyncPlanner(
      Stores stores, FullSyncFlow flow, Clock clock, ToIntFunction<String> pageSize) {
    this.stores = stores;
    this.flow = flow;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  @Override
  public void run(FullSyncRequest request) {
    Optional<Provider> provider =
        stores.providers().get(request.provider()).filter(Provider::enabled);
    if (provider.isEmpty()) {
      JobLog.info("provider " + request.provider() + " is gone or disabled: no full sync");
      return;
    }
    String runId = runId(request);
    if (!start(request, runId)) return;
    Optional<FullSyncFollowUp> followUp =
        stores
            .syncState()
            .takeFollowUp(request.provider(), runId); // this run is it: no longer queued
    boolean force = request.force() || followUp.map(FullSyncFollowUp::force).orElse(false);
    FullSyncRun run = stores.syncState().currentRun(request.provider()).orElseThrow();
    List<SyncPageRequest> pages =
        PagePlan.pages(
            stores.directory(),
            ObjectType.USER,
            request.provider(),
            runId,
            force,
            flow.cut(pageSize.applyAsInt(request.provider()), run.userPages()));
    JobLog.info(
        "full sync " + request.provider() + " run " + runId + ": " + pages.size() + " user pages");
    flow.planned(run, FullSyncRun.Phase.USERS, pages, force);
  }

  /**
   * The run's id: the one asked for, else the recurring firing's, derived from its job's id (the
   * same on every retry of that job), else a new one.
   */
  static String runId(FullSyncRequest request) {
    if (request.runId() != null) return request.runId();
    JobConsole job = JobConsole.current();
    if (job != null && job.jobId() != null) return "firing-" + job.jobId();
    return UUID.randomUUID().toString();
  }

  /**
   * True when this run is to be planned: new, or its own planner died before the run left USERS
   * (the machine lets it plan its users again).
   */
  private boolean start(FullSyncRequest request, String runId) {
    String provider = request.provider();
    Optional<FullSyncRun> current =
        stores.syncState().currentRun(provider).filter(FullSyncRun::running);
    if (current.isPresent() && current.get().runId().equals(runId)) {
      boolean planning =
          FullSyncMachine.next(current.get().phase(), FullSyncMachine.Event.USERS_PLANNED)
              .isPresent();
      if (planning) JobLog.info("full sync " + provider + " run " + runId + ": planned again");
      return planning;
    }
    if (current.isPresent()
        && current.get().startedAt().plus(ABANDONED_AFTER).isBefore(clock.instant())) {
      flow.finished(
          current.get(),
          FullSyncMachine.Event.ABANDONED,
          "abandoned: still running after " + ABANDONED_AFTER.toHours() + " h",
          clock.instant());
    }
    if (stores.syncState().startRun(FullSyncRun.started(runId, provider, clock.instant())))
      return true;
    queueBehindCurrent(request, runId);
    return false;
  }

  private void queueBehindCurrent(FullSyncRequest request, String runId) {
    Optional<FullSyncRun> going =
        stores.syncState().currentRun(request.provider()).filter(FullSyncRun::running);
    if (going.isEmpty()) {
      throw new IllegalStateException(
          "full sync " + request.provider() + " could not start: the run going ended meanwhile");
    }
    FullSyncFollowUp waiting = flow.starts().queueAfter(going.get(), runId, request.force());
    JobLog.info(
        "full sync "
            + request.provider()
            + " is running (run "
            + going.get().runId()
            + "): run "
            + waiting.runId()
            + " queued to start when it ends"
            + (waiting.force() ? " (force)" : ""));
  }
}
