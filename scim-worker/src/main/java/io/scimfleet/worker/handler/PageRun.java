package io.scimfleet.worker.handler;

import io.scimfleet.config.Pacing;
import io.scimfleet.error.FleetException;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.store.StoreException;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.PagePreload;
import io.scimfleet.worker.pipeline.ProviderContext;
import io.scimfleet.worker.pipeline.ProviderQuarantinedException;
import io.scimfleet.worker.pipeline.SyncResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One page under way. The job's thread takes the next object that is ready, waits for a permit
 * (interruptibly) and hands the object to a pool thread; an object that must wait before its next
 * try gives its permit back and is made ready again by a timer when its wait is over.
 */
final class PageRun {
  private static final Attempt ALL_DONE = new Attempt(-1, 0);

  private record Attempt(int index, int number) {}

  /** What every page of this process shares. */
  record Tools(
      ObjectSync objects,
      FleetMetrics metrics,
      Pacing pacing,
      ExecutorService pool,
      ScheduledExecutorService timer) {}

  /**
   * The page: its objects and how to sync them, each attempt recorded in the objects' histories
   * with {@code trigger}; {@code step} runs as each object is done.
   */
  record Work(
      ProviderContext ctx,
      ObjectType type,
      List<String> ids,
      PagePreload preload,
      boolean force,
      SyncTrigger trigger,
      Runnable step) {
    /** The same page with only these of its objects. */
    Work withIds(List<String> some) {
      return new Work(ctx, type, some, preload, force, trigger, step);
    }
  }

  private final Tools tools;
  private final Work work;
  private final Semaphore permits;
  private final BlockingQueue<Attempt> ready = new LinkedBlockingQueue<>();
  private final List<Future<?>> started = new CopyOnWriteArrayList<>();
  private final SyncResult[] results;
  private final AtomicInteger open;
  private volatile @Nullable FleetException paused;

  PageRun(Tools tools, Work work, Semaphore permits) {
    this.tools = tools;
    this.work = work;
    this.permits = permits;
    this.results = new SyncResult[work.ids().size()];
    this.open = new AtomicInteger(work.ids().size());
  }

  List<SyncResult> run() {
    for (int i = 0; i < results.length; i++) ready.add(new Attempt(i, 1));
    if (results.length == 0) ready.add(ALL_DONE);
    try {
      for (Attempt next = ready.take(); !next.equals(ALL_DONE); next = ready.take()) {
        permits.acquire();
        start(next);
      }
    } catch (InterruptedException e) {
      cancelStarted();
      Thread.currentThread().interrupt();
      throw new JobInterrupted("syncing a page", e);
    }
    FleetException pausedBy = paused;
    if (pausedBy != null) {
      cancelStarted(); // the page runs again later, whole: its other objects stop now
      throw pausedBy;
    }
    return Arrays.asList(results);
  }

  private void cancelStarted() {
    started.forEach(future -> future.cancel(true));
  }

  private void start(Attempt attempt) {
    ObjectTask task = new ObjectTask(attempt);
    try {
      started.add(task);
      tools.pool().execute(task);
    } catch (RuntimeException rejected) {
      permits.release();
      throw rejected;
    }
  }

  /**
   * One try on a pool thread, holding one permit: released by the try, or by the cancel when the
   * try never began (whichever claims it first).
   */
  private final class ObjectTask extends FutureTask<Void> {
    private final AtomicBoolean claimed;

    ObjectTask(Attempt attempt) {
      this(attempt, new AtomicBoolean());
    }

    private ObjectTask(Attempt attempt, AtomicBoolean claimed) {
      super(
          () -> {
            if (claimed.compareAndSet(false, true)) attempt(attempt);
          },
          null);
      this.claimed = claimed;
    }

    @Override
    protected void done() {
      if (isCancelled() && claimed.compareAndSet(false, true)) permits.release();
    }
  }

  /**
   * One try of one object, on a pool thread. Whatever it throws, the object ends (or waits for its
   * next try, or pauses the page): nothing is left to a Future nobody reads, so the job thread
   * never waits for an object that will not end.
   */
  @SuppressWarnings("CatchingUnchecked") // on a pool thread: an Error must end its object too
  private void attempt(Attempt attempt) {
    SyncResult result = null;
    try {
      result = tryOnce(attempt);
    } catch (Throwable unexpected) {
      result = new SyncResult(SyncOutcome.FAILED, unexpected.toString());
    } finally {
      permits.release();
    }
    if (result != null) finish(attempt.index(), result);
  }

  /** The object's result; null when it waits for another try or paused the page. */
  private @Nullable SyncResult tryOnce(Attempt attempt) {
    String id = work.ids().get(attempt.index());
    try {
      return attempt.number() == 1
          ? tools
              .objects()
              .syncFromPage(
                  work.ctx(), work.type(), id, work.preload(), work.force(), work.trigger())
          : tools.objects().sync(work.ctx(), work.type(), id, null, work.force(), work.trigger());
    } catch (ProviderQuarantinedException quarantined) {
      return pause(quarantined); // the whole page waits for the provider
    } catch (StoreException store) {
      if (!store.retryable()) return new SyncResult(SyncOutcome.FAILED, store.getMessage());
      return pause(store); // Redis unreachable: the page job fails as a whole and runs again
    } catch (FleetException e) {
      return retryLater(attempt, e) ? null : failed(attempt, e);
    }
  }

  private @Nullable SyncResult pause(FleetException reason) {
    paused = reason;
    ready.add(ALL_DONE);
    return null;
  }

  /** Schedules the next try when the wait is short enough and tries are left; false otherwise. */
  private boolean retryLater(Attempt attempt, FleetException e) {
    Duration wait = Retries.waitAfter(e, attempt.number());
    Pacing pacing = tools.pacing();
    if (attempt.number() >= pacing.attemptsInJob() || wait.compareTo(pacing.longestWaitInJob()) > 0)
      return false;
    tools.metrics().retry(work.ctx().name());
    // the task only adds to a queue; nobody waits for it
    ScheduledFuture<?> unused =
        tools
            .timer()
            .schedule(
                () -> ready.add(new Attempt(attempt.index(), attempt.number() + 1)),
                wait.toMillis(),
                TimeUnit.MILLISECONDS);
    return true;
  }

  private static SyncResult failed(Attempt attempt, FleetException e) {
    return new SyncResult(
        SyncOutcome.FAILED, "gave up after " + attempt.number() + " attempts: " + e.getMessage());
  }

  private void finish(int index, SyncResult result) {
    results[index] = result;
    work.step().run();
    if (open.decrementAndGet() == 0) ready.add(ALL_DONE);
  }
}
