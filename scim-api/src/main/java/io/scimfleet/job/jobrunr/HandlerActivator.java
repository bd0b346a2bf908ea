package io.scimfleet.job.jobrunr;

import java.util.Map;
import org.jobrunr.server.JobActivator;

/** Hands JobRunr the worker's handler for each handler interface a request names. */
final class HandlerActivator implements JobActivator {
  private final Map<Class<?>, Object> handlers;

  HandlerActivator(Map<Class<?>, Object> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  @Override
  public <T> T activateJob(Class<T> type) {
    Object handler = handlers.get(type);
    if (handler == null) throw new IllegalStateException("no handler registered for " + type.getName());
    return type.cast(handler);
  }
}
