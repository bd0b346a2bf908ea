package io.scimfleet.job;

import org.jspecify.annotations.Nullable;

/** Which job this thread runs: the job system's adapter sets it around each handler call. */
public final class RunningJob {
  private static final ThreadLocal<JobConsole> CONSOLE = new ThreadLocal<>();

  private RunningJob() {}

  /** A job's work, which may fail as a handler may. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  /** Runs {@code work} with {@code console} as this thread's {@link JobConsole#current()}. */
  public static void runWith(@Nullable JobConsole console, Work work) throws Exception {
    JobConsole before = CONSOLE.get();
    CONSOLE.set(console);
    try {
      work.run();
    } finally {
      if (before == null) CONSOLE.remove();
      else CONSOLE.set(before);
    }
  }

  static JobConsole console() {
    return CONSOLE.get();
  }
}
