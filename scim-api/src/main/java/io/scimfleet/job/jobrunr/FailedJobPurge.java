package io.scimfleet.job.jobrunr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.navigation.AmountRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes failed jobs older than the retention for good, oldest first, a page at a time. JobRunr
 * 7.5.3 has no such task, and with Redis on {@code noeviction} failed jobs that pile up would
 * eventually stop the fleet. Safe to run from several processes at once.
 */
final class FailedJobPurge {
  static final int PAGE = 500;
  private static final Logger log = LoggerFactory.getLogger(FailedJobPurge.class);

  private final StorageProvider storage;
  private final Duration retention;
  private final Clock clock;

  FailedJobPurge(StorageProvider storage, Duration retention, Clock clock) {
    this.storage = storage;
    this.retention = retention;
    this.clock = clock;
  }

  /** Removes every failed job last updated before now minus the retention; returns how many. */
  int run() {
    Instant before = clock.instant().minus(retention);
    int removed = 0;
    while (true) {
      List<Job> page =
          storage.getJobList(StateName.FAILED, before, new AmountRequest("updatedAt:ASC", PAGE));
      int fromPage = 0;
      for (Job job : page) fromPage += storage.deletePermanently(job.getId());
      removed += fromPage;
      if (page.size() < PAGE || fromPage == 0) break;
    }
    if (removed > 0)
      log.info("removed {} failed jobs older than {} days", removed, retention.toDays());
    return removed;
  }

  /** Runs a minute from now and then hourly on a daemon thread, until the executor is shut down. */
  ScheduledExecutorService scheduleHourly() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("scim-failed-job-purge"));
    // runQuietly catches everything, so the schedule never ends with an exception worth reading
    ScheduledFuture<?> unused =
        executor.scheduleWithFixedDelay(this::runQuietly, 1, 60, TimeUnit.MINUTES);
    return executor;
  }

  /** A failure is logged and the next run tries again. */
  private void runQuietly() {
    try {
      run();
    } catch (RuntimeException e) {
      log.warn("purging failed jobs failed; next try at the next run: {}", e.toString());
    }
  }
}
