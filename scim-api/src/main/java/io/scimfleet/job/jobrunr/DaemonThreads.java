package io.scimfleet.job.jobrunr;

import java.util.concurrent.ThreadFactory;

/**
 * The threads of the job seam's background duties: named, so a thread dump says whose they are, and
 * daemons, so that none of them keeps a stopping JVM alive.
 */
final class DaemonThreads {
  private DaemonThreads() {}

  /** Threads all called {@code name}, daemons. */
  static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
