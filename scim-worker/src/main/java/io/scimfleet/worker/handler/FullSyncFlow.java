package io.scimfleet.worker.handler;

import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.job.FullSyncStarts;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.PermanentJobFailure;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.FullSyncMachine;
import io.scimfleet.model.FullSyncMachine.Event;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.FullSyncRun.Phase;
import io.scimfleet.store.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The one place a full sync moves from phase to phase ({@code PLANNED → USERS → GROUPS → CLEANUP →
 * DONE | PARTIAL | FAILED}), each move asked of {@link FullSyncMachine} and recorded in the {@link
 * SyncStateStore}: a paged phase ends when its last page is recorded, or when it is planned with no
 * pages; its end enqueues the next phase. That job has a stable id (one per run and phase), so a
 * page or phase job that runs again after a crash adds no second one. A move the machine refuses
 * fails its job for good ({@link PermanentJobFailure}), leaving the run where it is.
 *
 * <p>A phase's pages go in a window: half as many as the fleet's job servers may run for one
 * provider ({@link #pagesInFlight()}) are enqueued, the rest are held, and each recorded page
 * releases its successor ({@link SyncPageRequest#successor()}): the window's pages each lead a
 * chain. Enqueued all at once, the pages past what the servers may run were fetched, handed back
 * and fetched again, each time a new job and a second's wait.
 */
public final class FullSyncFlow {
  /**
   * When a held page starts by itself if nothing released it: a worker died between recording a
   * page and releasing the next, or a page failed for good. (A page interrupted by a job-server
   * stop, as in a Redis outage, releases its successor when the server is back.) Long enough that a
   * slow target's sync keeps its window.
   */
  static final Duration HELD_FALLBACK = Duration.ofMinutes(2);

  /** How much later each further held page starts by itself, so they don't all come due at once. */
  static final Duration HELD_SPACING = Duration.ofSeconds(1);

  private final SyncStateStore syncState;
  private final JobQueue queue;
  private final int jobsPerProvider;
  private final FullSyncStarts starts;

  /**
   * @param jobsPerProvider the job threads of one server that one provider's jobs may hold
   */
  public FullSyncFlow(SyncStateStore syncState, JobQueue queue, int jobsPerProvider) {
    this.syncState = syncState;
    this.queue = queue;
    this.jobsPerProvider = jobsPerProvider;
    this.starts = new FullSyncStarts(syncState, queue, Clock.systemUTC());
  }

  /** Where a full sync asked for during a run waits, and is started from when the run ends. */
  FullSyncStarts starts() {
    return starts;
  }

  /**
   * Ends the run by {@code event} (a verdict, or abandoned) and starts the full sync asked for
   * while it ran, if any; the one way every run ends, so that no follow-up waits for a run that is
   * over. The store records the status and the phase it ends in ({@link FullSyncMachine#ended}).
   *
   * @return the status the run ended with
   */
  FullSyncRun.Status finished(FullSyncRun run, Event event, String message, Instant at) {
    moved(run, event); // refused unless the machine lets it end from where it is
    syncState.finishRun(run.provider(), run.runId(), event.status(), message, at);
    starts.startFollowUp(run.provider(), run.runId());
    return event.status();
  }

  /** Records the run's clean-up as started ({@code CLEANUP}); the same when it starts again. */
  FullSyncRun cleaningUp(FullSyncRun run) {
    FullSyncRun moved = moved(run, Event.CLEANUP_STARTED);
    syncState.updateRun(moved);
    return moved;
  }

  /** The run moved by {@code event}; a refused move fails the job that asked for it, for good. */
  private static FullSyncRun moved(FullSyncRun run, Event event) {
    try {
      return run.moved(event);
    } catch (FullSyncMachine.RefusedException refused) {
      throw new PermanentJobFailure(
          "full sync " + run.provider() + " run " + run.runId() + ": " + refused.getMessage(),
          refused);
    }
  }

  /**
   * The pages of one phase let run at once: half of what each job server lets one provider hold.
   * One page already keeps the provider's requests in flight ({@code maxConcurrency}) busy; a
   * window of every slot of the fleet got pages handed back whenever one server fetched more than
   * its share.
   */
  int pagesInFlight() {
    return queue.jobServers() * Math.max(1, jobsPerProvider / 2);
  }

  /**
   * Records the pages planned for {@code phase}, enqueues those within their window and holds the
   * rest; with none, enqueues the next phase. A phase planned again (its planner died after
   * recording it) enqueues every page, each once: a page job that exists already is left alone.
   */
  void planned(FullSyncRun run, Phase phase, List<SyncPageRequest> pages, boolean force) {
    boolean again = phase == Phase.USERS ? run.userPages() > 0 : run.phase() == Phase.GROUPS;
    FullSyncRun moved = moved(run, Event.planned(phase));
    syncState.updateRun(moved.planned(moved.phase(), pages.size()));
    if (pages.isEmpty()) {
      enqueue(run.provider(), run.runId(), phase.next(), force);
      return;
    }
    if (again) {
      queue.enqueueAll(pages); // stable ids: one create each, an existing page is skipped
      return;
    }
    int window = pages.get(0).inFlight() > 0 ? pages.get(0).inFlight() : pages.size();
    // held first: a fast first page must find the page it releases
    if (window < pages.size())
      queue.enqueueHeld(pages.subList(window, pages.size()), HELD_FALLBACK, HELD_SPACING);
    queue.enqueueAll(pages.subList(0, Math.min(window, pages.size())));
  }

  /**
   * After {@code page} was recorded at {@code place}: it releases the next held page, and the last
   * page of its phase enqueues the next phase.
   */
  void pageRecorded(SyncPageRequest page, int place) {
    page.successor().ifPresent(queue::release);
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
