package io.scimfleet.job.jobrunr;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.Paging;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a job server fetch when a {@link WorkSignal} arrives, on a thread of its own. While
 * enqueued jobs wait and the server has free threads it fetches again, a share ({@code perFetch})
 * at a time, after {@link #SPREAD_PAUSE}: the pause lets the other woken servers take their share.
 * A fetch that took nothing (JobRunr skips a fetch while another of the same server is under way,
 * and two servers that fetch the same jobs at once get only some each) is tried again after {@link
 * #RECHECK_AFTER}, at most {@link #EMPTY_FETCHES} times in a row.
 */
final class JobWaker implements AutoCloseable {
  static final Duration SPREAD_PAUSE = Duration.ofMillis(20);
  static final Duration RECHECK_AFTER = Duration.ofMillis(50);
  static final int EMPTY_FETCHES = 2;

  /**
   * Without a signal, how often it enqueues the scheduled jobs that are due (hand-backs, retries at
   * the target's Retry-After: JobRunr's master does it only at its poll, ≥ 5 s apart) and looks
   * whether enqueued jobs wait while threads are free (also orphans of dead servers, enqueued
   * without a signal).
   */
  static final Duration LOOK_EVERY = Duration.ofMillis(500);

  private static final int DUE_AT_MOST = 100;
  private static final Logger log = LoggerFactory.getLogger(JobWaker.class);

  private final FleetJobServer server;
  private final int workerCount;
  private final Thread thread;
  private boolean requested;
  private volatile boolean open = true;

  JobWaker(FleetJobServer server, int workerCount) {
    this.server = server;
    this.workerCount = workerCount;
    this.thread = DaemonThreads.named("scim-job-waker").newThread(this::loop);
    thread.start();
  }

  /** Asks for a fetch; returns at once. Several requests before the fetch starts make one fetch. */
  synchronized void wake() {
    requested = true;
    notifyAll();
  }

  private void loop() {
    while (open) {
      try {
        if (awaitRequest() || lookedAndFoundWork()) fetchWhileThereIsMore();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.debug("fetch after a work signal failed: {}", e.toString()); // the poll tries again
      }
    }
  }

  /** True when a signal came; false after {@link #LOOK_EVERY} without one. */
  private synchronized boolean awaitRequest() throws InterruptedException {
    long until = System.nanoTime() + LOOK_EVERY.toNanos();
    for (long left = LOOK_EVERY.toMillis();
        !requested && left > 0;
        left = (until - System.nanoTime()) / 1_000_000) {
      wait(left);
    }
    boolean signalled = requested;
    requested = false;
    return signalled;
  }

  private void fetchWhileThereIsMore() throws InterruptedException {
    for (int empty = 0; open; ) {
      int took = fetch();
      empty = took == 0 ? empty + 1 : 0;
      if (empty > EMPTY_FETCHES || server.held() >= workerCount || !workWaits()) return;
      // a short pause between fetches lets the other workers' fetches take their share of a burst
      Thread.sleep((took == 0 ? RECHECK_AFTER : SPREAD_PAUSE).toMillis());
    }
  }

  private boolean lookedAndFoundWork() {
    if (!server.isRunning()) return false;
    enqueueDue();
    return server.held() < workerCount && workWaits();
  }

  /**
   * A job that the master or another worker enqueued first is refused here by JobRunr's version
   * check, and left alone.
   */
  private void enqueueDue() {
    StorageProvider storage = server.getStorageProvider();
    List<Job> due =
        storage.getScheduledJobs(Instant.now(), Paging.AmountBasedList.ascOnUpdatedAt(DUE_AT_MOST));
    if (due.isEmpty()) return;
    due.forEach(Job::enqueue);
    try {
      storage.save(due);
    } catch (ConcurrentJobModificationException enqueuedElsewhere) {
      log.debug("some due jobs were enqueued elsewhere first");
    }
  }

  /**
   * Jobs it took; 0 also when the fetch failed (the storage, or another server's save of the same
   * job).
   */
  private int fetch() {
    if (!open || !server.isRunning()) return 0;
    try {
      return server.fetchNow();
    } catch (RuntimeException e) {
      log.debug("fetch after a work signal failed: {}", e.toString());
      return 0;
    }
  }

  private boolean workWaits() {
    return server.getStorageProvider().countJobs(StateName.ENQUEUED) > 0;
  }

  @Override
  public void close() {
    open = false;
    thread.interrupt();
  }
}
