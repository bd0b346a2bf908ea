package io.scimfleet.worker.handler;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.JobQueue;
import java.time.Duration;
import java.util.List;

/** A {@link JobQueue} for tests that enqueue nothing: it refuses every job. */
public final class NoJobQueue implements JobQueue {
  @Override
  public void enqueue(FleetJob job) {
    throw new UnsupportedOperationException("this test enqueues no job: " + job.jobName());
  }

  @Override
  public void enqueueAll(List<? extends FleetJob> jobs) {
    jobs.forEach(this::enqueue);
  }

  @Override
  public void handBack(FleetJob job, Duration after) {
    throw new UnsupportedOperationException("this test hands back no job: " + job.jobName());
  }

  @Override
  public void scheduleFullSync(String provider, String cron) {}

  @Override
  public void removeFullSync(String provider) {}
}
