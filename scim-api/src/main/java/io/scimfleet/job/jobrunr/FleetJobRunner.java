package io.scimfleet.job.jobrunr;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.FleetJobHandler;
import io.scimfleet.job.JobConsole;
import io.scimfleet.job.RunningJob;
import java.util.Map;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.server.runner.ThreadLocalJobContext;

/**
 * Runs every {@link FleetJobRequest} JobRunr hands this process: finds the worker's handler for the
 * request's {@link FleetJob#handlerType()} and calls it with the job's page in the dashboard as
 * this thread's {@link JobConsole}.
 */
public final class FleetJobRunner implements JobRequestHandler<FleetJobRequest> {
  private final Map<Class<?>, Object> handlers;

  FleetJobRunner(Map<Class<?>, Object> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  @Override
  public void run(FleetJobRequest request) throws Exception {
    FleetJob job = request.job();
    Object handler = handlers.get(job.handlerType());
    if (handler == null)
      throw new IllegalStateException("no handler registered for " + job.handlerType().getName());
    JobContext context =
        ThreadLocalJobContext.hasJobContext() ? ThreadLocalJobContext.getJobContext() : null;
    JobConsole console = context == null ? null : new DashboardConsole(context);
    RunningJob.runWith(console, () -> handle(job.handlerType().cast(handler), job));
  }

  // a request's handlerType() is the handler interface for its own class: FleetJobHandler<that
  // class>
  @SuppressWarnings("unchecked")
  private static void handle(FleetJobHandler<?> handler, FleetJob job) throws Exception {
    ((FleetJobHandler<FleetJob>) handler).run(job);
  }

  /** The job's log and progress bar on its dashboard page. */
  private record DashboardConsole(JobContext context) implements JobConsole {
    @Override
    public void info(String message) {
      context.logger().info(message);
    }

    @Override
    public void warn(String message) {
      context.logger().warn(message);
    }

    @Override
    public java.util.UUID jobId() {
      return context.getJobId();
    }

    @Override
    public Runnable progress(int total) {
      return context.progressBar(total)::incrementSucceeded;
    }
  }
}
