package io.scimfleet.job.jobrunr;

/**
 * Tells job servers that work was enqueued, so that they fetch it now instead of at their next poll
 * (JobRunr polls no faster than every 5 s). A lost signal costs only latency: the poll still finds
 * the work.
 */
interface WorkSignal extends AutoCloseable {

  /** Work was enqueued: every listening server should fetch. Never throws. */
  void send();

  /** Calls {@code wake} for every signal (from any process, for a shared storage) until closed. */
  void listen(Runnable wake);

  @Override
  void close();

  /**
   * Within one process: for the in-memory storage, whose queue and servers live in the same JVM.
   */
  static WorkSignal local() {
    return new WorkSignal() {
      private final java.util.List<Runnable> listeners =
          new java.util.concurrent.CopyOnWriteArrayList<>();

      @Override
      public void send() {
        listeners.forEach(Runnable::run);
      }

      @Override
      public void listen(Runnable wake) {
        listeners.add(wake);
      }

      @Override
      public void close() {
        listeners.clear();
      }
    };
  }
}
