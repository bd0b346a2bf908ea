package io.scimfleet.worker.handler;

import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.FullSyncRun.Phase;
import io.scimfleet.store.SyncStateStore;
import java.util.List;

/**
 * The one place a full sync moves from phase to phase ({@code USERS → GROUPS → CLEANUP}): a paged
 * phase ends when its last page is recorded, or when it is planned with no pages; its end enqueues
 * the next phase. That job has a stable id (one per run and phase), so a page or phase job that
 * runs again after a crash adds no second one.
 */
final class FullSyncFlow {
  private final SyncStateStore syncState;
  private final JobQueue queue;

  FullSyncFlow(SyncStateStore syncState, JobQueue queue) {
    this.syncState = syncState;
    this.queue = queue;
  }

  /** Records the pages planned for {@code phase} and enqueues them; with none, the next phase. */
  void planned(FullSyncRun run, Phase phase, List<SyncPageRequest> pages, boolean force) {
    syncState.updateRun(run.planned(phase, pages.size()));
    if (pages.isEmpty()) enqueue(run.provider(), run.runId(), phase.next(), force);
    else queue.enqueueAll(pages);
  }

  /**
   * After {@code page} was recorded at {@code place}: the last page of its phase enqueues the next.
   */
  void pageRecorded(SyncPageRequest page, int place) {
    syncState
        .currentRun(page.provider())
        .filter(run -> run.runId().equals(page.runId()))
        .flatMap(run -> run.phaseEndedBy(page.type(), place))
        .ifPresent(next -> enqueue(page.provider(), page.runId(), next, page.force()));
  }

  private void enqueue(String provider, String runId, Phase next, boolean force) {
    queue.enqueue(new FullSyncPhaseRequest(provider, runId, next, force));
  }
}
