package io.scimfleet.scheduler;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.SyncPageRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker's queue that counts the pages handed back and notes, on the running thread, that the job
 * running there handed itself back ({@link #handedBackHere()}).
 */
final class HandBackCounts implements JobQueue {
  private static final ThreadLocal<Boolean> HANDED_BACK = ThreadLocal.withInitial(() -> false);
  private final JobQueue queue;
  private final AtomicInteger pagesHandedBack;

  HandBackCounts(JobQueue queue, AtomicInteger pagesHandedBack) {
    this.queue = queue;
    this.pagesHandedBack = pagesHandedBack;
  }

  /** Forgets what the job that ran before on this thread did. */
  static void startingAJobHere() {
    HANDED_BACK.set(false);
  }

  /** True when the job running on this thread handed itself back. */
  static boolean handedBackHere() {
    return HANDED_BACK.get();
  }

  @Override
  public void handBack(FleetJob job, Duration after) {
    HANDED_BACK.set(true);
    if (job instanceof SyncPageRequest) pagesHandedBack.incrementAndGet();
    queue.handBack(job, after);
  }

  @Override
  public void enqueue(FleetJob job) {
    queue.enqueue(job);
  }

  @Override
  public void enqueueAll(List<? extends FleetJob> jobs) {
    queue.enqueueAll(jobs);
  }

  @Override
  public void enqueueAllAfter(List<? extends FleetJob> jobs, Duration after) {
    queue.enqueueAllAfter(jobs, after);
  }

  @Override
  public void enqueueHeld(List<? extends FleetJob> jobs, Duration fallback, Duration spacing) {
    queue.enqueueHeld(jobs, fallback, spacing);
  }

  @Override
  public void release(UUID stableId) {
    queue.release(stableId);
  }

  @Override
  public int jobServers() {
    return queue.jobServers();
  }

  @Override
  public void scheduleFullSync(String provider, String cron) {
    queue.scheduleFullSync(provider, cron);
  }

  @Override
  public void removeFullSync(String provider) {
    queue.removeFullSync(provider);
  }
}
