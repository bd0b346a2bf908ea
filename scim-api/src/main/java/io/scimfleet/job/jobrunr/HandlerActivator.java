package io.scimfleet.job.jobrunr;

import java.util.Map;
import org.jobrunr.server.JobActivator;

/** Hands JobRunr the one {@link FleetJobRunner}, which runs the worker's handlers. */
final class HandlerActivator implements JobActivator {
  private final FleetJobRunner runner;

  /** {@code handlers}: the worker's handler for each handler interface a request names. */
  HandlerActivator(Map<Class<?>, Object> handlers) {
    this.runner = new FleetJobRunner(handlers);
  }

  @Override
  public <T> T activateJob(Class<T> type) {
    if (type != FleetJobRunner.class)
      throw new IllegalStateException("no handler registered for " + type.getName());
    return type.cast(runner);
  }
}
