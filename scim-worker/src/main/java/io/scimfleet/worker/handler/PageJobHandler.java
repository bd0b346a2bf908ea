package io.scimfleet.worker.handler;

import io.scimfleet.error.FleetException;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.PermanentJobFailure;
import io.scimfleet.job.SyncPageHandler;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.store.Stores;
import io.scimfleet.store.SyncStateStore;
import io.scimfleet.worker.pipeline.PagePreload;
import io.scimfleet.worker.pipeline.ProviderContext;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import io.scimfleet.worker.pipeline.ProviderQuarantinedException;
import io.scimfleet.worker.pipeline.SyncResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one page of a full sync, adds its counts to the run, and — when it is the last page of its
 * phase — enqueues the next phase: group pages after the user pages, the clean-up after those. A
 * page that keeps failing is recorded as failed after {@link #TRIES} tries, so its run never waits
 * for it. When its provider already holds all the job threads it may, or this process already runs
 * its share of the provider's window while other workers are live ({@link PageShares}), the page
 * hands itself back unrun.
 */
public final class PageJobHandler implements SyncPageHandler {
  /** How many times a page may fail before it is recorded as failed and its run goes on. */
  static final int TRIES = 3;

  /**
   * How long a page over this process's share waits for one of its provider's pages here to end
   * before it is handed back ({@link PageShares#tryTake(SyncPageRequest, Duration)}).
   */
  static final Duration SHARE_WAIT = Duration.ofMillis(200);

  private final Stores stores;
  private final SyncStateStore syncState;
  private final ProviderContexts contexts;
  private final PageRunner runner;
  private final JobQueue queue;
  private final FullSyncFlow flow;
  private final ProviderHealth health;
  private final ProviderJobSlots slots;
  private final PageShares shares;

  /** A handler that is the only worker: no share of the window to keep. */
  public PageJobHandler(
      Stores stores,
      ProviderContexts contexts,
      PageRunner runner,
      JobQueue queue,
      FullSyncFlow flow,
      ProviderHealth health,
      ProviderJobSlots slots) {
    this(stores, contexts, runner, queue, flow, health, slots, PageShares.alone());
  }

  /**
   * @param shares the pages of each provider this process runs, against its share of the window
   */
  public PageJobHandler(
      Stores stores,
      ProviderContexts contexts,
      PageRunner runner,
      JobQueue queue,
      FullSyncFlow flow,
      ProviderHealth health,
      ProviderJobSlots slots,
      PageShares shares) {
    this.shares = shares;
    this.health = health;
    this.slots = slots;
    this.stores = stores;
    this.syncState = stores.syncState();
    this.contexts = contexts;
    this.runner = runner;
    this.queue = queue;
    this.flow = flow;
  }

  @Override
  public void run(SyncPageRequest page) {
    if (!shares.tryTake(page, SHARE_WAIT)) {
      handBack(
          page,
          "this worker runs its share of "
              + page.provider()
              + "'s pages: page "
              + page.page()
              + " left to the other workers");
      return;
    }
    try {
      if (!slots.tryTake(page, ObjectJobHandler.SLOT_WAIT)) {
        handBack(
            page,
            page.provider()
                + " holds all the job threads it may: page "
                + page.page()
                + " handed back");
        return;
      }
      try {
        runInSlot(page);
      } finally {
        slots.release(page.provider());
      }
    } finally {
      shares.release(page.provider());
    }
  }

  /**
   * Runs {@code page} in the job that planned its phase ({@link FullSyncFlow#runsPagesWith}), and
   * records it as its own job would. A page that cannot run here (its provider gone or paused, a
   * failure) is left to its page job, which tries it as usual.
   */
  public FullSyncFlow.PageRan runForPlan(SyncPageRequest page) {
    Optional<ProviderContext> context = contexts.get(page.provider());
    if (context.isEmpty()) return FullSyncFlow.PageRan.NOT_RUN;
    List<SyncResult> results;
    try {
      results = sync(page, context.get());
    } catch (JobInterrupted stopping) {
      throw stopping;
    } catch (RuntimeException failure) {
      JobLog.info("page " + page.page() + " left to its job: " + failure.getMessage());
      return FullSyncFlow.PageRan.NOT_RUN;
    }
    record(page, results);
    return results.stream().allMatch(result -> result.outcome() == SyncOutcome.UNCHANGED)
        ? FullSyncFlow.PageRan.NOTHING_SENT
        : FullSyncFlow.PageRan.SENT;
  }

  /** Not run, not counted: the same job runs (and counts) again a moment later. */
  private void handBack(SyncPageRequest page, String why) {
    JobLog.info(why);
    queue.handBack(page, ObjectJobHandler.HAND_BACK_AFTER);
  }

  private void runInSlot(SyncPageRequest page) {
    Optional<ProviderContext> context = contexts.get(page.provider());
    if (context.isEmpty()) {
      JobLog.info("provider " + page.provider() + " is gone: page skipped");
      return;
    }
    List<SyncResult> results;
    try {
      results = sync(page, context.get());
    } catch (ProviderQuarantinedException paused) {
      JobLog.info(paused.getMessage() + ": the page waits"); // JobRunr logs the one WARN line
      throw Retries.later(paused);
    } catch (JobInterrupted stopping) {
      throw stopping; // the job server stops: the page runs again, no failure of its own
    } catch (RuntimeException | Error failure) {
      failedOnce(page, failure);
      return;
    }
    record(page, results);
  }

  private List<SyncResult> sync(SyncPageRequest page, ProviderContext context) {
    health.requireOpen(page.provider());
    boolean passwords = context.provider().syncPasswords();
    PagePreload preload =
        page.force()
            ? PagePreload.forced(stores, page.provider(), page.type(), page.objectIds(), passwords)
            : PagePreload.load(stores, page.provider(), page.type(), page.objectIds(), passwords);
    return runner.run(
        new PageRun.Work(
            context,
            page.type(),
            page.objectIds(),
            preload,
            page.force(),
            SyncTrigger.FULL_SYNC,
            JobLog.progress(page.objectIds().size())));
  }

  /**
   * A page that failed is tried again (thrown, for the job system's retry) until it has failed
   * {@link #TRIES} times or with a failure no retry can mend; then it fails for good: each of its
   * objects counts as failed with the reason, and the run goes on without it.
   */
  private void failedOnce(SyncPageRequest page, Throwable failure) {
    int failures = syncState.pageFailed(page.provider(), page.runId(), name(page));
    boolean forGood = failures >= TRIES || !retryable(failure);
    if (!forGood) {
      if (failure instanceof RuntimeException e) throw e;
      throw (Error) failure;
    }
    String reason =
        "page "
            + name(page)
            + " failed for good after "
            + failures
            + (failures == 1 ? " try: " : " tries: ")
            + failure;
    JobLog.failure(reason + " (provider " + page.provider() + ")", failure.toString());
    int done =
        syncState.addPageResult(
            page.provider(),
            page.runId(),
            name(page),
            SyncCounts.ZERO.plus(SyncOutcome.FAILED, page.objectIds().size()),
            List.of(reason));
    flow.pageRecorded(page, done);
  }

  private static boolean retryable(Throwable failure) {
    if (failure instanceof PermanentJobFailure) return false;
    return !(failure instanceof FleetException fleet) || fleet.retryable();
  }

  private void record(SyncPageRequest page, List<SyncResult> results) {
    SyncCounts counts = SyncCounts.ZERO;
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      counts = counts.plus(results.get(i).outcome(), 1);
      if (!results.get(i).failed()) continue;
      String object = page.type().label() + " " + page.objectIds().get(i);
      errors.add(object + ": " + results.get(i).failure());
      JobLog.failure(
          object + " failed (provider " + page.provider() + ")", results.get(i).failure());
    }
    JobLog.info("page " + page.page() + "/" + page.pages() + ": " + counts);
    int done = syncState.addPageResult(page.provider(), page.runId(), name(page), counts, errors);
    flow.pageRecorded(page, done);
  }

  private static String name(SyncPageRequest page) {
    return page.type().label() + ":" + page.page();
  }
}
