package io.scimfleet.worker.handler;

import io.scimfleet.job.FullSyncPhaseHandler;
import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.FullSyncMachine;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Stores;
import io.scimfleet.worker.pipeline.PageSize;
import io.scimfleet.worker.pipeline.ProviderContext;
import io.scimfleet.worker.pipeline.ProviderContexts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The later phases of a full sync: plan the group pages, then clean up and finish the run (each
 * move through {@link FullSyncFlow}).
 */
public final class FullSyncPhases implements FullSyncPhaseHandler {
  private final Stores stores;
  private final ProviderContexts contexts;
  private final Cleanup cleanup;
  private final FullSyncFlow flow;
  private final FleetMetrics metrics;
  private final Clock clock;

  public FullSyncPhases(
      Stores stores,
      ProviderContexts contexts,
      Cleanup cleanup,
      FullSyncFlow flow,
      FleetMetrics metrics,
      Clock clock) {
    this.stores = stores;
    this.contexts = contexts;
    this.cleanup = cleanup;
    this.flow = flow;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void run(FullSyncPhaseRequest request) {
    Optional<FullSyncRun> run =
        stores
            .syncState()
            .currentRun(request.provider())
            .filter(r -> r.runId().equals(request.runId()) && r.running());
    if (run.isEmpty()) {
      JobLog.info("run " + request.runId() + " of " + request.provider() + " is no longer running");
      flow.starts().startFollowUp(request.provider(), request.runId()); // it ended, we died after
      return;
    }
    if (FullSyncMachine.past(run.get().phase(), request.phase())) {
      JobLog.info(
          "run "
              + request.runId()
              + " of "
              + request.provider()
              + " is past "
              + request.phase()
              + " (in "
              + run.get().phase()
              + "): nothing to do");
      return; // this job ran again after a crash, after its run moved on
    }
    if (request.phase() == FullSyncRun.Phase.GROUPS) planGroups(request, run.get());
    else cleanUpAndFinish(request, run.get());
  }

  private void planGroups(FullSyncPhaseRequest request, FullSyncRun run) {
    List<SyncPageRequest> pages =
        PagePlan.pages(
            stores.directory(),
            ObjectType.GROUP,
            request.provider(),
            request.runId(),
            request.force(),
            flow.cut(
                contexts.get(request.provider()).map(PageSize::of).orElse(DirectoryStore.PAGE_SIZE),
                run.phase() == FullSyncRun.Phase.GROUPS ? run.groupPages() : 0));
    JobLog.info("full sync " + request.provider() + ": " + pages.size() + " group pages");
    flow.planned(run, FullSyncRun.Phase.GROUPS, pages, request.force());
  }

  private void cleanUpAndFinish(FullSyncPhaseRequest request, FullSyncRun planned) {
    FullSyncRun run = flow.cleaningUp(planned);
    Optional<ProviderContext> context = contexts.get(request.provider());
    Cleanup.Result result =
        context
            .map(ctx -> cleanup.run(ctx, request.runId(), run.startedAt(), request.force()))
            .orElse(new Cleanup.Result(true, "provider is gone"));
    FullSyncRun counted = stores.syncState().currentRun(request.provider()).orElse(run);
    @Nullable String message = counted.verdictMessage(result.message());
    FullSyncRun.Status status =
        flow.finished(
            counted,
            FullSyncMachine.Event.verdict(counted.verdict(result.done())),
            message,
            clock.instant());
    metrics.fullSyncFinished(
        request.provider(),
        status.name().toLowerCase(java.util.Locale.ROOT),
        Duration.between(run.startedAt(), clock.instant()),
        clock.instant());
    JobLog.info(
        "full sync "
            + request.provider()
            + " finished: "
            + status
            + (message == null ? "" : ": " + message));
  }
}
