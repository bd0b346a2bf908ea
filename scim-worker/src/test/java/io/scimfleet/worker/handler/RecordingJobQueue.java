package io.scimfleet.worker.handler;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.JobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link JobQueue} that keeps what was enqueued, for tests of the handlers that enqueue. Like
 * JobRunr, it adds a job with a stable id only once.
 */
final class RecordingJobQueue implements JobQueue {
  private final List<FleetJob> enqueued = new ArrayList<>();
  private final List<FleetJob> held = new ArrayList<>();
  private final List<UUID> released = new ArrayList<>();
  private final Set<UUID> ids = new HashSet<>();
  private boolean heldFirst;
  private int servers = 1;

  /** The live job servers it answers from now on (1 at first). */
  synchronized void servers(int live) {
    servers = live;
  }

  @Override
  public synchronized int jobServers() {
    return servers;
  }

  synchronized List<FleetJob> enqueued() {
    return List.copyOf(enqueued);
  }

  synchronized List<FleetJob> held() {
    return List.copyOf(held);
  }

  synchronized List<UUID> released() {
    return List.copyOf(released);
  }

  @Override
  public synchronized void enqueue(FleetJob job) {
    if (job.stableId() == null || ids.add(job.stableId())) enqueued.add(job);
  }

  @Override
  public synchronized void enqueueAll(List<? extends FleetJob> jobs) {
    jobs.forEach(this::enqueue);
  }

  /** Whether any job was held before the first one was enqueued. */
  synchronized boolean heldFirst() {
    return heldFirst;
  }

  @Override
  public synchronized void enqueueHeld(
      List<? extends FleetJob> jobs, Duration fallback, Duration spacing) {
    if (enqueued.isEmpty()) heldFirst = true;
    held.addAll(jobs);
  }

  @Override
  public synchronized void release(UUID stableId) {
    released.add(stableId);
  }

  @Override
  public synchronized void handBack(FleetJob job, Duration after) {
    enqueued.add(job);
  }

  @Override
  public void scheduleFullSync(String provider, String cron) {}

  @Override
  public void removeFullSync(String provider) {}
}
