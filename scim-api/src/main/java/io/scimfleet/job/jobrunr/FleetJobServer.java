package io.scimfleet.job.jobrunr;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jobrunr.jobs.Job;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.server.JobSteward;
import org.jobrunr.server.tasks.steward.OnboardNewWorkTask;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;

/**
 * JobRunr's job server with two additions through its protected hooks: {@link #fetchNow()} runs
 * JobRunr's own fetch of enqueued jobs at once (the one it runs at every poll and whenever a job
 * thread frees up), and {@link #held()} counts the jobs this server has taken and not finished,
 * including those fetched but not yet started on a thread, which JobRunr's count leaves out.
 */
final class FleetJobServer extends BackgroundJobServer {
  /** Jobs handed to the worker pool whose thread has not started them yet. */
  private final AtomicInteger notStarted = new AtomicInteger();

  private final AtomicLong fetched = new AtomicLong();

  FleetJobServer(
      StorageProvider storage,
      JsonMapper json,
      JobActivator activator,
      BackgroundJobServerConfiguration configuration) {
    super(storage, json, activator, configuration);
  }

  @Override
  protected JobSteward createJobSteward() {
    return new Steward(
        this); // called by the super constructor: Steward reads nothing of ours until jobs run
  }

  @Override
  public void start(boolean guard) {
    notStarted.set(0);
    super.start(guard);
  }

  @Override
  public void processJob(Job job) {
    notStarted.incrementAndGet();
    fetched.incrementAndGet();
    super.processJob(job);
  }

  /** Jobs taken by this server and not finished yet. */
  int held() {
    return getJobSteward().getOccupiedWorkerCount() + Math.max(0, notStarted.get());
  }

  /**
   * Fetches enqueued jobs now, as many as the work distribution allows; returns how many it took. 0
   * also when another fetch of this server was under way (JobRunr then skips this one).
   */
  int fetchNow() {
    long before = fetched.get();
    ((Steward) getJobSteward()).onboardNow();
    return (int) (fetched.get() - before);
  }

  private static final class Steward extends JobSteward {
    private final FleetJobServer server;

    Steward(FleetJobServer server) {
      super(server);
      this.server = server;
    }

    @Override
    public void notifyThreadOccupied() {
      server.notStarted.decrementAndGet();
      super.notifyThreadOccupied();
    }

    void onboardNow() {
      getTaskOfType(OnboardNewWorkTask.class).runTaskThreadSafe();
    }
  }
}
