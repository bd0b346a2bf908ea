package io.scimfleet.scheduler.changes;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.JobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link JobQueue} that keeps what the change consumer enqueues, in order. */
class RecordingQueue implements JobQueue {
  final List<FleetJob> jobs = new ArrayList<>();

  @Override
  public void enqueue(FleetJob job) {
    enqueueAll(List.of(job));
  }

  @Override
  public void enqueueAll(List<? extends FleetJob> batch) {
    jobs.addAll(batch);
  }

  @Override
  public void handBack(FleetJob job, Duration after) {
    throw new UnsupportedOperationException("the change consumer hands back no job");
  }

  @Override
  public void scheduleFullSync(String provider, String cron) {}

  @Override
  public void removeFullSync(String provider) {}
}
