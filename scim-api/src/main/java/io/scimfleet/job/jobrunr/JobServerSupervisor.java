package io.scimfleet.job.jobrunr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the job server again after it stopped itself. JobRunr 7.5's {@code ServerZooKeeper} stops
 * the server at the first heartbeat that fails (Redis unreachable) and never starts it again; this
 * task, run every {@link #EVERY}, starts the same server once the storage answers again. The same
 * instance, as JobRunr's own reset does: it keeps its id, so its registration in the storage is
 * overwritten and the Micrometer gauges tagged with that id stay true.
 *
 * <p>{@link #alive()} is false only for what the process cannot leave by itself: the storage
 * answers but the server has not run for {@link #STUCK_AFTER}, or this task has not run for as long.
 */
final class JobServerSupervisor implements Runnable {
  static final Duration EVERY = Duration.ofSeconds(1);
  static final Duration STUCK_AFTER = Duration.ofMinutes(2);
  private static final Logger log = LoggerFactory.getLogger(JobServerSupervisor.class);

  private final BackgroundJobServer server;
  private final BooleanSupplier storageAnswers;
  private final Clock clock;
  private volatile Instant lastRun;
  private volatile Instant stoppedSince;
  private volatile Instant stuckSince;

  JobServerSupervisor(BackgroundJobServer server, BooleanSupplier storageAnswers, Clock clock) {
    this.server = server;
    this.storageAnswers = storageAnswers;
    this.clock = clock;
    this.lastRun = clock.instant();
  }

  @Override
  public void run() {
    try {
      check();
    } catch (RuntimeException e) {
      log.warn("job server supervisor: {}", e.toString());
    } finally {
      lastRun = clock.instant();
    }
  }

  /** True while the server runs or can still come back by itself. */
  boolean alive() {
    Instant now = clock.instant();
    Instant stuck = stuckSince;
    return lastRun.plus(STUCK_AFTER).isAfter(now) && (stuck == null || stuck.plus(STUCK_AFTER).isAfter(now));
  }

  private void check() {
    if (server.isRunning()) {
      if (stoppedSince != null) log.info("job server runs again ({} s after it stopped)", seconds(stoppedSince));
      stoppedSince = null;
      stuckSince = null;
      return;
    }
    if (stoppedSince == null) {
      stoppedSince = clock.instant();
      log.warn("job server stopped by itself (storage unreachable?); it starts again once the storage answers");
    }
    if (!storageAnswers.getAsBoolean()) {
      stuckSince = null;
      return;
    }
    if (stuckSince == null) stuckSince = clock.instant();
    server.start();
  }

  private long seconds(Instant since) {
    return Duration.between(since, clock.instant()).toSeconds();
  }
}
