package io.scimfleet.scheduler;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.Provider;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.Paging;

/**
 * A scheduler and N workers in this JVM, each with its own JobRunr server, on one test Redis
 * prefix.
 */
final class Fleet implements AutoCloseable {
  final RedisFixture redis;
  final Stores stores;
  final ControlPlane scheduler;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final JobRunrFleet schedulerJobs;
  private final List<JobRunrFleet> workerJobs = new ArrayList<>();
  private final List<Worker> workers = new ArrayList<>();

  Fleet(Class<?> testClass, int workerCount) {
    this(testClass, workerCount, 8, Pacing.defaults(16), TestSecurity.settings());
  }

  /** Workers that read provider secrets and check targets by these settings. */
  Fleet(Class<?> testClass, int workerCount, SecuritySettings security) {
    this(testClass, workerCount, 8, Pacing.defaults(16), security);
  }

  /**
   * Workers of {@code threads} job threads each, sharing them between providers by {@code pacing}.
   */
  Fleet(Class<?> testClass, int workerCount, int threads, Pacing pacing) {
    this(testClass, workerCount, threads, pacing, TestSecurity.settings());
  }

  Fleet(
      Class<?> testClass, int workerCount, int threads, Pacing pacing, SecuritySettings security) {
    redis = RedisFixture.open(testClass);
    stores = RedisStores.create(redis.pool(), redis.prefix());
    FleetMetrics metrics = new FleetMetrics(meters);
    schedulerJobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
    scheduler = new ControlPlane(stores, schedulerJobs, metrics, Clock.systemUTC());
    for (int i = 0; i < workerCount; i++) {
      JobRunrFleet jobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
      Worker worker =
          new Worker(
              stores,
              jobs.queue(),
              metrics,
              Clock.systemUTC(),
              8,
              RateLimiter.local(),
              security,
              pacing);
      jobs.startServer(
          worker.handlers(),
          new JobServerSettings(
              threads, Duration.ofSeconds(5), Duration.ofSeconds(5), "worker-" + i),
          worker.fetchPolicy());
      workerJobs.add(jobs);
      workers.add(worker);
    }
    scheduler.start();
  }

  void addProvider(Provider provider) {
    stores.providers().put(provider);
    scheduler.fullSyncs().apply(provider);
  }

  Optional<FullSyncRun> lastRun(String provider) {
    return stores.syncState().lastRun(provider);
  }

  /** The job servers (workers) JobRunr knows as live. */
  int jobServers() {
    return schedulerJobs.queue().jobServers();
  }

  List<String> jobNames(StateName state) {
    return schedulerJobs
        .storage()
        .getJobList(state, Paging.AmountBasedList.ascOnUpdatedAt(1000))
        .stream()
        .map(Job::getJobName)
        .toList();
  }

  List<Job> jobs(StateName state) {
    return schedulerJobs.storage().getJobList(state, Paging.AmountBasedList.ascOnUpdatedAt(1000));
  }

  @Override
  public void close() {
    scheduler.close();
    workerJobs.forEach(JobRunrFleet::close);
    workers.forEach(Worker::close);
    schedulerJobs.close();
    redis.close();
  }
}
