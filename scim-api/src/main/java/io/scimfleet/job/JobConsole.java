package io.scimfleet.job;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The page of the job this thread runs, as the job system shows it to an operator: log lines and a
 * progress bar. {@link #current()} is null outside a job (a handler called directly, a test).
 */
public interface JobConsole {

  void info(String message);

  void warn(String message);

  /** A progress bar of {@code total} steps; the returned step moves it on by one. */
  Runnable progress(int total);

  /**
   * The id of the job this console belongs to, the same on every retry of that job; null when the
   * job system gives none.
   */
  default @Nullable UUID jobId() {
    return null;
  }

  /** The console of the job this thread runs; null outside a job. */
  static JobConsole current() {
    return RunningJob.console();
  }
}
