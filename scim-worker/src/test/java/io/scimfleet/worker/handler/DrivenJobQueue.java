package io.scimfleet.worker.handler;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.FleetJobHandler;
import io.scimfleet.job.JobConsole;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.RunningJob;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A job queue the test drives, as JobRunr would run it on one server: {@link #drain} runs every
 * enqueued job with its handler, in order, then each held one (as its fallback would). Like
 * JobRunr, a job with a stable id is added once; a job that throws is run again up to {@link
 * #RETRIES} times with the same job id; a job can be made to die ({@link #dieWhen}) as a killed
 * worker's would: its effects so far stay, and it runs again.
 */
final class DrivenJobQueue implements JobQueue {
  static final int RETRIES = 8;

  /** One job as the queue holds it: the request and the id its every run shares. */
  record Queued(FleetJob job, UUID id) {}

  /** Thrown where a job is made to die. */
  static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Killed(String where) {
      super("killed " + where);
    }
  }

  private final Deque<Queued> ready = new ArrayDeque<>();
  private final Map<UUID, Queued> held = new LinkedHashMap<>();
  private final Set<UUID> ids = new HashSet<>();
  private final List<FleetJob> ran = new ArrayList<>();
  private final List<String> failedForGood = new ArrayList<>();
  private Predicate<String> dieAt = where -> false;

  /** Makes the running job die at the first point named {@code where} that it reaches. */
  synchronized void dieWhen(Predicate<String> where) {
    this.dieAt = where;
  }

  /** Where a job may die: throws {@link Killed} when the test asked it to die here (once). */
  synchronized void point(String where) {
    if (dieAt.test(where)) {
      dieAt = w -> false;
      throw new Killed(where);
    }
  }

  synchronized List<FleetJob> ran() {
    return List.copyOf(ran);
  }

  synchronized List<String> failedForGood() {
    return List.copyOf(failedForGood);
  }

  /** Runs the jobs until none is left; returns how many ran. */
  int drain(Map<Class<?>, Object> handlers) {
    int runs = 0;
    for (Queued next = next(); next != null; next = next()) {
      runs += runWithRetries(next, handlers);
    }
    return runs;
  }

  private synchronized Queued next() {
    if (!ready.isEmpty()) return ready.poll();
    if (held.isEmpty()) return null;
    UUID first = held.keySet().iterator().next();
    return held.remove(first);
  }

  private int runWithRetries(Queued queued, Map<Class<?>, Object> handlers) {
    for (int run = 1; run <= RETRIES + 1; run++) {
      try {
        synchronized (this) {
          ran.add(queued.job());
        }
        RunningJob.runWith(console(queued.id()), () -> handle(handlers, queued.job()));
        return run;
      } catch (Exception | Error e) {
        if (run == RETRIES + 1)
          synchronized (this) {
            failedForGood.add(queued.job().jobName() + ": " + e);
          }
      }
    }
    return RETRIES + 1;
  }

  @SuppressWarnings("unchecked")
  private static void handle(Map<Class<?>, Object> handlers, FleetJob job) throws Exception {
    ((FleetJobHandler<FleetJob>) handlers.get(job.handlerType())).run(job);
  }

  @Override
  public synchronized void enqueue(FleetJob job) {
    point("enqueue " + job.jobName());
    if (job.stableId() != null && !ids.add(job.stableId())) return;
    ready.add(new Queued(job, job.stableId() != null ? job.stableId() : UUID.randomUUID()));
  }

  @Override
  public void enqueueAll(List<? extends FleetJob> jobs) {
    jobs.forEach(this::enqueue);
  }

  @Override
  public synchronized void enqueueHeld(
      List<? extends FleetJob> jobs, Duration fallback, Duration spacing) {
    for (FleetJob job : jobs) {
      point("hold " + job.jobName());
      if (ids.add(job.stableId())) held.put(job.stableId(), new Queued(job, job.stableId()));
    }
  }

  @Override
  public synchronized void release(UUID stableId) {
    Queued job = held.remove(stableId);
    if (job != null) ready.add(job);
  }

  @Override
  public synchronized void handBack(FleetJob job, Duration after) {
    ready.add(new Queued(job, UUID.randomUUID()));
  }

  @Override
  public void scheduleFullSync(String provider, String cron) {}

  @Override
  public void removeFullSync(String provider) {}

  private static JobConsole console(UUID id) {
    return new JobConsole() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {}

      @Override
      public Runnable progress(int total) {
        return () -> {};
      }

      @Override
      public UUID jobId() {
        return id;
      }
    };
  }
}
