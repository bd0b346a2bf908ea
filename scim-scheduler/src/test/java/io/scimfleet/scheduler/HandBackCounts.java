package io.scimfleet.scheduler;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.SyncPageHandler;
import io.scimfleet.job.SyncPageRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A worker's queue that counts the pages handed back and notes, on the running thread, that the job
 * running there handed itself back, so that {@link #notingPagesRun} hears only the pages that ran.
 */
final class HandBackCounts implements JobQueue {
  private static final ThreadLocal<Boolean> HANDED_BACK = ThreadLocal.withInitial(() -> false);
  private final JobQueue queue;
  private final AtomicInteger pagesHandedBack;

  HandBackCounts(JobQueue queue, AtomicInteger pagesHandedBack) {
    this.queue = queue;
    this.pagesHandedBack = pagesHandedBack;
  }

  /**
   * A worker's handlers with its page handler wrapped: {@code ran} hears each page that ran to its
   * end here ("user 1"), not those it handed back to the other workers.
   */
  static Map<Class<?>, Object> notingPagesRun(
      Map<Class<?>, Object> handlers, Consumer<String> ran) {
    SyncPageHandler pages = (SyncPageHandler) handlers.get(SyncPageHandler.class);
    Map<Class<?>, Object> noting = new HashMap<>(handlers);
    noting.put(
        SyncPageHandler.class,
        (SyncPageHandler)
            page -> {
              HANDED_BACK.set(false); // what the job before it on this thread did
              pages.run(page);
              if (!HANDED_BACK.get()) ran.accept(page.type().label() + " " + page.page());
            });
    return noting;
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
