package io.scimfleet.job.jobrunr;

import static org.jobrunr.scheduling.JobBuilder.aJob;
import static org.jobrunr.scheduling.RecurringJobBuilder.aRecurringJob;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.job.JobQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.runner.ThreadLocalJobContext;

/** {@link JobQueue} on JobRunr: every job gets its readable name, a label and bounded retries. */
final class JobRunrJobQueue implements JobQueue {
  /** Never 0: a crashed server's job is re-run as a retry (DESIGN.md). */
  static final int RETRIES = 8;

  private final JobRequestScheduler scheduler;

  JobRunrJobQueue(JobRequestScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void enqueue(FleetJob job) {
    scheduler.create(builderFor(job));
  }

  @Override
  public void enqueueAll(List<? extends FleetJob> jobs) {
    if (!jobs.isEmpty()) scheduler.create(jobs.stream().map(JobRunrJobQueue::builderFor));
  }

  @Override
  public void handBack(FleetJob job, Duration after) {
    JobBuilder copy = builderFor(job).scheduleIn(after);
    JobContext running = ThreadLocalJobContext.getJobContext();
    if (running != null) copy.withId(handBackId(running.getJobId()));
    scheduler.create(copy); // an existing id is skipped, not overwritten
  }

  static UUID handBackId(UUID runningJob) {
    return UUID.nameUUIDFromBytes(("handed back by " + runningJob).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void scheduleFullSync(String provider, String cron) {
    scheduler.createRecurrently(aRecurringJob()
        .withId(recurringId(provider))
        .withName("full sync " + provider + " (recurring)")
        .withCron(cron)
        .withAmountOfRetries(RETRIES)
        .withLabels("provider:" + provider)
        .withJobRequest(new FullSyncRequest(provider, null, false)));
  }

  @Override
  public void removeFullSync(String provider) {
    scheduler.deleteRecurringJob(recurringId(provider));
  }

  static String recurringId(String provider) {
    return "full-sync-" + provider;
  }

  private static JobBuilder builderFor(FleetJob job) {
    return aJob()
        .withName(job.jobName())
        .withAmountOfRetries(RETRIES)
        .withLabels("provider:" + job.provider())
        .withJobRequest(job);
  }
}
