package io.scimfleet.worker.handler;

import io.scimfleet.job.JobConsole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log lines and a progress bar in the job's dashboard page, and in the process log. Outside a job
 * (a handler called directly) only the process log gets them.
 */
final class JobLog {
  private static final Logger log = LoggerFactory.getLogger(JobLog.class);

  private JobLog() {}

  static void info(String message) {
    log.info(message);
    JobConsole console = JobConsole.current();
    if (console != null) console.info(message);
  }

  static void warn(String message) {
    log.warn(message);
    JobConsole console = JobConsole.current();
    if (console != null) console.warn(message);
  }

  /**
   * A failure: the process log gets only {@code summary} at WARN (ids, no attributes) and the
   * {@code detail} (a target's or validator's message, which may quote personal data) at DEBUG; the
   * job's dashboard page gets both.
   */
  static void failure(String summary, String detail) {
    log.warn(summary);
    log.debug("{}: {}", summary, detail);
    JobConsole console = JobConsole.current();
    if (console != null) console.warn(summary + ": " + detail);
  }

  /** A progress bar of {@code total} steps; a no-op outside a job. */
  static Runnable progress(int total) {
    JobConsole console = JobConsole.current();
    if (console == null || total <= 0) return () -> {};
    return console.progress(total);
  }
}
