package io.scimfleet.job.jobrunr;

import io.scimfleet.job.FleetJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.Paging;
import org.jobrunr.storage.StorageProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the job server again after it stopped itself. JobRunr 7.5's {@code ServerZooKeeper} stops
 * the server at the first heartbeat that fails (Redis unreachable) and never starts it again; this
 * task, run every {@link #EVERY}, starts the same server once the storage answers again. The same
 * instance, as JobRunr's own reset does: it keeps its id, so its registration in the storage is
 * overwritten and the Micrometer gauges tagged with that id stay true.
 *
 * <p>A server that runs but has not announced itself for {@code announceGrace} is stopped and
 * started again: a heartbeat that straddles a stop can leave JobRunr's {@code ServerZooKeeper} with
 * a master id that keeps the restarted server from ever announcing itself (and taking jobs).
 *
 * <p>{@link #alive()} is false only for what the process cannot leave by itself: the storage
 * answers but the server has not run for {@code stuckAfter} (at least {@link #STUCK_AFTER}, and
 * longer than the drain that a stop waits for), or this task has not run for as long.
 */
final class JobServerSupervisor implements Runnable {
  static final Duration EVERY = Duration.ofSeconds(1);
  static final Duration STUCK_AFTER = Duration.ofMinutes(2);
  private static final int INTERRUPTED_AT_MOST = 1_000;
  private static final Logger log = LoggerFactory.getLogger(JobServerSupervisor.class);

  private final BackgroundJobServer server;
  private final BooleanSupplier storageAnswers;
  private final Clock clock;
  private final Duration stuckAfter;
  private final Duration announceGrace;
  private volatile Instant lastRun;
  private volatile @Nullable Instant unannouncedSince;
  private volatile @Nullable Instant stoppedSince;
  private volatile @Nullable Instant stuckSince;
  private Consumer<UUID> release = id -> {};

  JobServerSupervisor(BackgroundJobServer server, BooleanSupplier storageAnswers, Clock clock) {
    this(server, storageAnswers, clock, Duration.ZERO, Duration.ofSeconds(5));
  }

  /**
   * {@code drain}: how long a stop lets running jobs finish (a restart waits for it); {@code
   * pollInterval}: the server's, which paces its heartbeats (and so its announcement).
   */
  JobServerSupervisor(
      BackgroundJobServer server,
      BooleanSupplier storageAnswers,
      Clock clock,
      Duration drain,
      Duration pollInterval) {
    this.server = server;
    this.announceGrace = pollInterval.multipliedBy(2).plusSeconds(5);
    this.storageAnswers = storageAnswers;
    this.clock = clock;
    this.stuckAfter =
        drain.plusMinutes(1).compareTo(STUCK_AFTER) > 0 ? drain.plusMinutes(1) : STUCK_AFTER;
    this.lastRun = clock.instant();
  }

  /** Releases held jobs (the successors of interrupted ones) through {@code release}. */
  JobServerSupervisor releasingWith(Consumer<UUID> value) {
    this.release = value;
    return this;
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
    return lastRun.plus(stuckAfter).isAfter(now)
        && (stuck == null || stuck.plus(stuckAfter).isAfter(now));
  }

  private void check() {
    if (server.isRunning()) {
      if (server.isAnnounced()) {
        if (stoppedSince != null) {
          log.info("job server runs again ({} s after it stopped)", seconds(stoppedSince));
          rescheduleInterrupted(stoppedSince);
        }
        stoppedSince = null;
        stuckSince = null;
        unannouncedSince = null;
      } else {
        restartWhenNeverAnnounced();
      }
      return;
    }
    if (stoppedSince == null) {
      stoppedSince = clock.instant();
      log.warn(
          "job server stopped by itself (storage unreachable?); it starts again once the storage answers");
    }
    if (!storageAnswers.getAsBoolean()) {
      stuckSince = null;
      return;
    }
    if (stuckSince == null) stuckSince = clock.instant();
    server.start();
  }

  /**
   * The jobs this server was running when it stopped stay "processing" in the storage: JobRunr
   * could not record their end (the storage was unreachable). Its performers stopped, so they run
   * no more: they are retried now, as JobRunr would do only once it found them orphaned (a server
   * timeout after their last heartbeat). Jobs it took after it started again are left alone. Each
   * one's successor (a held page) is released at once.
   */
  private void rescheduleInterrupted(Instant stopped) {
    StorageProvider storage = server.getStorageProvider();
    List<Job> interrupted =
        storage
            .getJobList(
                StateName.PROCESSING, Paging.AmountBasedList.ascOnUpdatedAt(INTERRUPTED_AT_MOST))
            .stream()
            .filter(job -> ranHereBefore(job, stopped))
            .toList();
    if (interrupted.isEmpty()) return;
    Instant now = clock.instant();
    for (Job job : interrupted) {
      job.failed("interrupted", new IllegalStateException("the job server stopped while it ran"));
      job.scheduleAt(now, "retry: the job server stopped while it ran (storage unreachable?)");
    }
    try {
      storage.save(interrupted);
      log.info("{} jobs interrupted when the job server stopped are retried", interrupted.size());
    } catch (ConcurrentJobModificationException orphanedFirst) {
      log.debug("interrupted jobs were handled elsewhere first");
    }
    interrupted.forEach(job -> fleetJob(job).flatMap(FleetJob::successor).ifPresent(release));
  }

  /**
   * The fleet's request of a job; empty for another kind of job. An interrupted job may wait long
   * for its objects' locks: its successor goes now, so that the work around it goes on.
   */
  private static Optional<FleetJob> fleetJob(Job job) {
    Object[] arguments = job.getJobDetails().getJobParameterValues();
    return arguments.length == 1 && arguments[0] instanceof FleetJobRequest request
        ? Optional.of(request.job())
        : Optional.empty();
  }

  private boolean ranHereBefore(Job job, Instant stopped) {
    return job.getJobState() instanceof ProcessingState processing
        && server.getId().equals(processing.getServerId())
        && processing.getCreatedAt().isBefore(stopped);
  }

  private void restartWhenNeverAnnounced() {
    if (unannouncedSince == null) unannouncedSince = clock.instant();
    if (unannouncedSince.plus(announceGrace).isAfter(clock.instant())) return;
    log.warn(
        "job server runs but has not announced itself for {} s: stopping it to start it again",
        seconds(unannouncedSince));
    unannouncedSince = null;
    server.stop(); // the next check finds it stopped and starts it once the storage answers
  }

  private long seconds(Instant since) {
    return Duration.between(since, clock.instant()).toSeconds();
  }
}
