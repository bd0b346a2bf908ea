package io.scimfleet.job.jobrunr;

import io.scimfleet.job.FetchPolicy;
import java.util.function.Function;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.configuration.BackgroundJobServerWorkerPolicy;
import org.jobrunr.server.configuration.DefaultBackgroundJobServerWorkerPolicy;
import org.jobrunr.server.strategy.WorkDistributionStrategy;
import org.jobrunr.server.threadpool.JobRunrExecutor;
import org.jobrunr.storage.navigation.AmountRequest;

/**
 * JobRunr's worker threads, with a fetch that takes at most {@code perFetch} jobs at a time
 * (JobRunr takes as many as it has free threads). A burst then spreads over every server that a
 * work signal woke, instead of landing on the one that fetched first; a server fetches again as
 * soon as one of its threads frees up, or (its {@link JobWaker}) right after a fetch that found
 * more. Each fetch carries the worker's {@link FetchPolicy} ({@link PolicyFetch}), so that the
 * storage leaves the jobs this worker would only hand back to the others.
 */
final class SpreadingWorkerPolicy implements BackgroundJobServerWorkerPolicy {
  private final int workerCount;
  private final int perFetch;
  private final FetchPolicy fetchPolicy;
  private final DefaultBackgroundJobServerWorkerPolicy threads;

  SpreadingWorkerPolicy(
      int workerCount,
      int perFetch,
      FetchPolicy fetchPolicy,
      Function<Integer, JobRunrExecutor> executors) {
    this.workerCount = workerCount;
    this.perFetch = perFetch;
    this.fetchPolicy = fetchPolicy;
    this.threads = new DefaultBackgroundJobServerWorkerPolicy(workerCount, executors);
  }

  /** A quarter of the threads per fetch, at least one. */
  static int perFetchFor(int workerCount) {
    return Math.max(1, workerCount / 4);
  }

  @Override
  public WorkDistributionStrategy toWorkDistributionStrategy(BackgroundJobServer server) {
    return new Spreading(server);
  }

  @Override
  public JobRunrExecutor toJobRunrExecutor() {
    return threads.toJobRunrExecutor();
  }

  private final class Spreading implements WorkDistributionStrategy {
    private final BackgroundJobServer server;

    Spreading(BackgroundJobServer server) {
      this.server = server;
    }

    @Override
    public int getWorkerCount() {
      return workerCount;
    }

    /** Nothing when every thread is taken (JobRunr 8 asks before each fetch). */
    @Override
    public AmountRequest getWorkPageRequest() {
      return new PolicyFetch(Math.max(0, Math.min(perFetch, workerCount - held())), fetchPolicy);
    }

    private int held() {
      return server instanceof FleetJobServer fleet
          ? fleet.held()
          : server.getJobSteward().getOccupiedWorkerCount();
    }
  }
}
