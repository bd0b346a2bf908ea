package io.scimfleet.job.jobrunr;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.jobrunr.server.configuration.DefaultBackgroundJobServerWorkerPolicy;
import org.jobrunr.server.threadpool.JobRunrExecutor;

/**
 * The job server's worker threads, made as JobRunr makes them by default, and kept so that their
 * pool shows as {@code executor_*} with {@code name="jobrunr.workers"}: busy workers, jobs waiting
 * for one.
 */
final class JobRunrWorkers implements Function<Integer, JobRunrExecutor>, MeterBinder {
  static final String NAME = "jobrunr.workers";

  private volatile JobRunrExecutor executor;

  @Override
  public JobRunrExecutor apply(Integer workerCount) {
    executor = new DefaultBackgroundJobServerWorkerPolicy(workerCount).toJobRunrExecutor();
    return executor;
  }

  /**
   * Binds the pool of platform threads; virtual threads (Java 21 and later) have no pool to
   * measure.
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    if (executor instanceof ExecutorService pool)
      new ExecutorServiceMetrics(pool, NAME, Tags.empty()).bindTo(registry);
  }
}
