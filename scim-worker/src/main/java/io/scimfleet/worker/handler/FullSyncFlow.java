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
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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

  /**
   * How long a plan's job may run its phase's pages itself while they find nothing to do (an
   * unchanged re-sync): such a page costs a few milliseconds, its job's life cycle in JobRunr most
   * of its time and Redis commands. Bounded, so that a large directory's pages still spread over
   * the workers.
   */
  static final Duration RUN_HERE_FOR = Duration.ofSeconds(2);

  /** What running a page in the plan's job came to. */
  public enum PageRan {
    /** Recorded; none of its objects needed anything sent. */
    NOTHING_SENT,
    /** Recorded; it sent something (or failed an object): its successors go as page jobs. */
    SENT,
    /** Not run here (its provider paused, a failure): it goes as a page job, with its tries. */
    NOT_RUN
  }

  private final SyncStateStore syncState;
  private final JobQueue queue;
  private volatile Function<SyncPageRequest, PageRan> here = page -> PageRan.NOT_RUN;
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

  /**
   * Lets a phase's plan run its first pages itself ({@link PageJobHandler#runForPlan}) rather than
   * as page jobs while they find nothing to do; without it (tests) every page is a job.
   */
  public void runsPagesWith(Function<SyncPageRequest, PageRan> pages) {
    this.here = pages;
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
  FullSyncRun.Status finished(FullSyncRun run, Event event, @Nullable String message, Instant at) {
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
    return window(queue.jobServers());
  }

  private int window(int workers) {
    return workers * Math.max(1, jobsPerProvider / 2);
  }

  /**
   * How a phase's objects are cut into pages ({@link PageCut}): {@code pageSize} each, smaller when
   * several workers are live and the phase has fewer pages than its window; the same cut as before
   * when this phase was {@code plannedBefore} (its page count, 0 for a first plan).
   */
  PageCut cut(int pageSize, int plannedBefore) {
    int workers = queue.jobServers();
    return new PageCut(pageSize, window(workers), workers, plannedBefore);
  }

  /**
   * Records the pages planned for {@code phase}, runs its first pages here while they find nothing
   * to do (not when forced or when none of the type was synced yet: every object is sent), enqueues
   * the next ones within their window and holds the rest; with none left, the next phase is
   * enqueued (by the last page recorded, or here). A page run here is recorded as a page job
   * records it, so a planner that dies meanwhile leaves the run as a page job's crash does: the
   * phase planned again (its planner's job runs again) enqueues every page, each once (a page job
   * that exists already is left alone; a page recorded already counts once).
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
    // forced, or nothing of this type synced yet: every page sends, so each is a job at once
    boolean sends = force || syncState.count(run.provider(), pages.get(0).type()) == 0;
    List<SyncPageRequest> rest = pages.subList(sends ? 0 : ranHere(pages), pages.size());
    if (rest.isEmpty()) return; // the last page, recorded here, enqueued the next phase
    int window = rest.get(0).inFlight() > 0 ? rest.get(0).inFlight() : rest.size();
    // held first: a fast first page must find the page it releases
    if (window < rest.size())
      queue.enqueueHeld(rest.subList(window, rest.size()), HELD_FALLBACK, HELD_SPACING);
    queue.enqueueAll(rest.subList(0, Math.min(window, rest.size())));
  }

  /**
   * How many of the phase's first pages the plan's own job ran and recorded ({@link
   * #runsPagesWith}): one after the other while each finds nothing to do, for at most {@link
   * #RUN_HERE_FOR}; the first page that sends something, or that could not run, ends it.
   */
  private int ranHere(List<SyncPageRequest> pages) {
    long until = System.nanoTime() + RUN_HERE_FOR.toNanos();
    int ran = 0;
    while (ran < pages.size() && System.nanoTime() - until < 0) {
      PageRan page = here.apply(pages.get(ran));
      if (page == PageRan.NOT_RUN) break;
      ran++;
      if (page == PageRan.SENT) break;
    }
    return ran;
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
