package io.scimfleet.job.jobrunr;

import static org.jobrunr.scheduling.JobBuilder.aJob;
import static org.jobrunr.scheduling.RecurringJobBuilder.aRecurringJob;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.job.JobQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.runner.ThreadLocalJobContext;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;

/**
 * {@link JobQueue} on JobRunr: every job gets its readable name, a label and bounded retries; a job
 * with a {@link FleetJob#stableId()} is created once (JobRunr skips an id that exists).
 */
final class JobRunrJobQueue implements JobQueue {
  /**
   * Never 0: JobRunr re-runs the job of a server that died as one of its retries; without retries
   * it is lost.
   */
  static final int RETRIES = 8;

  private final JobRequestScheduler scheduler;
  private final StorageProvider storage;
  private final Runnable enqueued;
  private final RunAgain runAgain;

  /**
   * @param enqueued told after each enqueue, so that job servers fetch now (a {@link WorkSignal})
   * @param runAgain where a running job that hands itself back is noted, for the fleet's {@link
   *     FleetRetryFilter}
   */
  JobRunrJobQueue(
      JobRequestScheduler scheduler,
      StorageProvider storage,
      Runnable enqueued,
      RunAgain runAgain) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.enqueued = enqueued;
    this.runAgain = runAgain;
  }

  @Override
  public void enqueue(FleetJob job) {
    scheduler.create(builderFor(job));
    enqueued.run();
  }

  /**
   * One batch; jobs with a stable id go one by one, because JobRunr's batch overwrites (and runs
   * again) a job whose id exists where its single create skips it.
   */
  @Override
  public void enqueueAll(List<? extends FleetJob> jobs) {
    if (jobs.isEmpty()) return;
    createAll(jobs, builder -> builder);
    enqueued.run();
  }

  /** Scheduled jobs: a worker enqueues each within half a second of its time (and signals). */
  @Override
  public void enqueueAllAfter(List<? extends FleetJob> jobs, Duration after) {
    createAll(jobs, builder -> builder.scheduleIn(after));
  }

  /**
   * Jobs with a stable id one by one, the others in one batch; a batch of one is a single create
   * (JobRunr's batch is a stream and a collector, a change at a time is the common case).
   */
  private void createAll(List<? extends FleetJob> jobs, UnaryOperator<JobBuilder> timing) {
    List<FleetJob> fresh = new ArrayList<>(jobs.size());
    for (FleetJob job : jobs) {
      if (job.stableId() == null) fresh.add(job);
      else scheduler.create(timing.apply(builderFor(job)));
    }
    if (fresh.size() == 1) scheduler.create(timing.apply(builderFor(fresh.get(0))));
    else if (fresh.size() > 1)
      scheduler.create(fresh.stream().map(job -> timing.apply(builderFor(job))));
  }

  /**
   * Held jobs are scheduled jobs (the dashboard shows them as such, with their fallback time), made
   * in one batch: they are new, so the batch's overwrite of an existing id doesn't arise.
   */
  @Override
  public void enqueueHeld(List<? extends FleetJob> jobs, Duration fallback, Duration spacing) {
    if (jobs.isEmpty()) return;
    Instant first = Instant.now().plus(fallback);
    scheduler.create(
        IntStream.range(0, jobs.size())
            .mapToObj(
                i -> builderFor(jobs.get(i)).scheduleAt(first.plus(spacing.multipliedBy(i)))));
  }

  /**
   * A job that a waker or JobRunr's master enqueued first (at its fallback time) is refused by
   * JobRunr's version check, and left alone.
   */
  @Override
  public void release(UUID stableId) {
    try {
      Job job = storage.getJobById(stableId);
      if (job.getState() != StateName.SCHEDULED) return;
      job.enqueue();
      storage.save(job);
      enqueued.run();
    } catch (JobNotFoundException | ConcurrentJobModificationException startedElsewhere) {
      // gone, or enqueued by another server first: it runs once either way
    }
  }

  /** Servers that announced themselves and whose heartbeat hasn't timed out. */
  @Override
  public int jobServers() {
    return Math.max(1, storage.getBackgroundJobServers().size());
  }

  /**
   * Called from a running job (its own request, as the contract says), that job runs again: it is
   * rescheduled when it returns ({@link FleetRetryFilter} turns its success into a scheduled
   * state), so a job handed back many times stays one job. Called elsewhere, a new job is
   * scheduled.
   */
  @Override
  public void handBack(FleetJob job, Duration after) {
    if (ThreadLocalJobContext.hasJobContext()) {
      runAgain.ask(ThreadLocalJobContext.getJobContext().getJobId(), after);
      return;
    }
    scheduler.create(builderFor(job).scheduleIn(after));
  }

  @Override
  public void scheduleFullSync(String provider, String cron) {
    scheduler.createRecurrently(
        aRecurringJob()
            .withId(recurringId(provider))
            .withName("full sync " + provider + " (recurring)")
            .withCron(cron)
            .withAmountOfRetries(RETRIES)
            .withLabels("provider:" + provider)
            .withJobRequest(new FleetJobRequest(new FullSyncRequest(provider, null, false))));
  }

  @Override
  public void removeFullSync(String provider) {
    scheduler.deleteRecurringJob(recurringId(provider));
  }

  static String recurringId(String provider) {
    return "full-sync-" + provider;
  }

  private static JobBuilder builderFor(FleetJob job) {
    JobBuilder builder = job.stableId() == null ? aJob() : aJob().withId(job.stableId());
    return builder
        .withName(job.jobName())
        .withAmountOfRetries(RETRIES)
        .withLabels("provider:" + job.provider())
        .withJobRequest(new FleetJobRequest(job));
  }
}
