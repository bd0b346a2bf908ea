package io.scimfleet.worker.handler;

import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;
import org.jobrunr.server.runner.ThreadLocalJobContext;
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
    JobContext context = ThreadLocalJobContext.getJobContext();
    if (context != null) context.logger().info(message);
  }

  static void warn(String message) {
    log.warn(message);
    JobContext context = ThreadLocalJobContext.getJobContext();
    if (context != null) context.logger().warn(message);
  }

  /**
   * A failure: the process log gets only {@code summary} at WARN (ids, no attributes) and the
   * {@code detail} (a target's or validator's message, which may quote personal data) at DEBUG; the
   * job's dashboard page gets both.
   */
  static void failure(String summary, String detail) {
    log.warn(summary);
    log.debug("{}: {}", summary, detail);
    JobContext context = ThreadLocalJobContext.getJobContext();
    if (context != null) context.logger().warn(summary + ": " + detail);
  }

  /** A progress bar of {@code total} steps; a no-op outside a job. */
  static Runnable progress(int total) {
    JobContext context = ThreadLocalJobContext.getJobContext();
    if (context == null || total <= 0) return () -> {};
    JobDashboardProgressBar bar = context.progressBar(total);
    return bar::increaseByOne;
  }
}
