package io.scimfleet.job;

import io.scimfleet.model.FullSyncFollowUp;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.store.SyncStateStore;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The one place a full sync asked for is started or queued: with no run of the provider going, its
 * planner job is enqueued; with one going, it becomes the provider's follow-up (requests made
 * meanwhile fold into one, a {@code force} is kept), started as soon as that run ends. No request
 * is ever dropped: one queued just as the run ended is started by whichever side sees it first, and
 * the follow-up's job id makes the other side's start a no-op.
 */
public final class FullSyncStarts {
  private final SyncStateStore syncState;
  private final JobQueue queue;
  private final Clock clock;

  /** What became of a request: the run id it will have, and the run it waits for (if any). */
  public record Asked(String runId, boolean force, @Nullable String queuedAfter) {
    public boolean queued() {
      return queuedAfter != null;
    }
  }

  public FullSyncStarts(SyncStateStore syncState, JobQueue queue, Clock clock) {
    this.syncState = syncState;
    this.queue = queue;
    this.clock = clock;
  }

  /** A full sync asked for now (API): planned at once, or queued behind the run going. */
  public Asked ask(String provider, boolean force) {
    String runId = UUID.randomUUID().toString();
    Optional<FullSyncRun> going = going(provider);
    if (going.isEmpty()) {
      queue.enqueue(new FullSyncRequest(provider, runId, force));
      return new Asked(runId, force, null);
    }
    FullSyncFollowUp waiting = queueAfter(going.get(), runId, force);
    return new Asked(waiting.runId(), waiting.force(), going.get().runId());
  }

  /**
   * Queues a full sync behind {@code going}, the provider's run that keeps it from starting now;
   * returns the follow-up that waits. If that run ended meanwhile, the follow-up is started here.
   */
  public FullSyncFollowUp queueAfter(FullSyncRun going, String runId, boolean force) {
    FullSyncFollowUp waiting =
        syncState.queueFollowUp(
            going.provider(), new FullSyncFollowUp(runId, force, clock.instant()));
    boolean stillGoing =
        going(going.provider()).filter(run -> run.runId().equals(going.runId())).isPresent();
    if (!stillGoing) startFollowUp(going.provider(), going.runId());
    return waiting;
  }

  /**
   * After the provider's run {@code ended} ended (or was found ended): starts the follow-up that
   * waited for it, if any. Called again for the same run, it starts nothing more.
   */
  public void startFollowUp(String provider, String ended) {
    syncState
        .followUp(provider)
        .ifPresent(
            next ->
                queue.enqueue(new FullSyncRequest(provider, next.runId(), next.force(), ended)));
  }

  private Optional<FullSyncRun> going(String provider) {
    return syncState.currentRun(provider).filter(FullSyncRun::running);
  }
}
