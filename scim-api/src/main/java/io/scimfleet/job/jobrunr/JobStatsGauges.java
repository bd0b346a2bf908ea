package io.scimfleet.job.jobrunr;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.jobrunr.storage.JobStats;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JobRunr's job gauges ({@code jobrunr.jobs.<state>}, tag {@code state}, as JobRunr names them),
 * read from the storage every {@link #EVERY}. JobRunr's own binder listens to every job save
 * instead: each save then reads the job stats (a round of Redis commands) on a new thread, since
 * {@code CompletableFuture.runAsync} starts a thread per task when the common pool has fewer than
 * two threads (a 2-core machine). That was most of the scheduler's CPU per change.
 */
final class JobStatsGauges implements AutoCloseable {
  static final Duration EVERY = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(JobStatsGauges.class);

  private final StorageProvider storage;
  private final Map<ToLongFunction<JobStats>, AtomicLong> gauges = new LinkedHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("scim-job-stats"));

  JobStatsGauges(StorageProvider storage, MeterRegistry registry) {
    this.storage = storage;
    gauge(registry, "RECURRING", JobStats::getRecurringJobs);
    gauge(registry, "SCHEDULED", JobStats::getScheduled);
    gauge(registry, "ENQUEUED", JobStats::getEnqueued);
    gauge(registry, "PROCESSING", JobStats::getProcessing);
    gauge(registry, "FAILED", JobStats::getFailed);
    gauge(registry, "SUCCEEDED", JobStats::getSucceeded);
    gauge(registry, "ALL_TIME_SUCCEEDED", JobStats::getAllTimeSucceeded);
    gauge(registry, "DELETED", JobStats::getDeleted);
    gauge(registry, "BACKGROUND_JOB_SERVERS", JobStats::getBackgroundJobServers);
    var unused =
        timer.scheduleWithFixedDelay(this::refresh, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void gauge(MeterRegistry registry, String state, ToLongFunction<JobStats> value) {
    AtomicLong gauge = new AtomicLong();
    gauges.put(value, gauge);
    registry.gauge(
        "jobrunr.jobs." + state.toLowerCase(java.util.Locale.ROOT), Tags.of("state", state), gauge);
  }

  /** Reads the stats now; keeps the last values while the storage doesn't answer. */
  void refresh() {
    try {
      JobStats stats = storage.getJobStats();
      gauges.forEach((value, gauge) -> gauge.set(value.applyAsLong(stats)));
    } catch (RuntimeException e) {
      log.debug("job stats not read: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
