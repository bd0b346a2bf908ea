package io.scimfleet.job.jobrunr;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.jobrunr.server.threadpool.JobRunrExecutor;
import org.jobrunr.server.threadpool.PlatformThreadPoolJobRunrExecutor;
import org.jspecify.annotations.Nullable;

/**
 * The job server's worker threads, made as JobRunr makes them by default, and kept so that their
 * pool shows as {@code executor_*} with {@code name="jobrunr.workers"}: busy workers, jobs waiting
 * for one.
 */
final class JobRunrWorkers implements Function<Integer, JobRunrExecutor>, MeterBinder {
  static final String NAME = "jobrunr.workers";

  private volatile @Nullable Pool executor;

  @Override
  public JobRunrExecutor apply(Integer workerCount) {
    executor = new Pool(workerCount);
    return executor;
  }

  /** Binds the pool of platform threads (JobRunr's default on Java 17). */
  @Override
  public void bindTo(MeterRegistry registry) {
    Pool pool = executor;
    if (pool != null)
      new ExecutorServiceMetrics(pool.threads(), NAME, Tags.empty()).bindTo(registry);
  }

  /**
   * JobRunr's own pool of platform threads, which JobRunr 8 no longer exposes as an {@link
   * ExecutorService}: its threads, to measure.
   */
  private static final class Pool extends PlatformThreadPoolJobRunrExecutor {
    Pool(int workerCount) {
      super(workerCount);
    }

    ExecutorService threads() {
      return executorService;
    }
  }
}
