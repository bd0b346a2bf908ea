package io.scimfleet.worker.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Provider contexts that newer settings replaced. A background sweep closes each once its grace
 * period has passed and its client has no request in flight, so that no request is cut off.
 */
final class RetiredContexts implements AutoCloseable {
  private final long graceNanos;
  private final List<Retired> retired = new ArrayList<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "scim-retired-clients");
            thread.setDaemon(true);
            return thread;
          });

  private record Retired(ProviderContext context, long since) {}

  RetiredContexts(Duration grace, Duration sweepEvery) {
    this.graceNanos = grace.toNanos();
    // nobody waits on the sweeps; each runs until the worker closes this
    ScheduledFuture<?> unused =
        sweeper.scheduleWithFixedDelay(
            this::sweep, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  synchronized void add(ProviderContext context) {
    retired.add(new Retired(context, System.nanoTime()));
  }

  /** Closes the contexts whose grace is over and whose client is idle. */
  synchronized void sweep() {
    long now = System.nanoTime();
    retired.removeIf(
        r -> {
          boolean done =
              now - r.since() >= graceNanos && r.context().client().requestsInFlight() == 0;
          if (done) r.context().close();
          return done;
        });
  }

  /** Closes them all now (the worker stops). */
  @Override
  public synchronized void close() {
    sweeper.shutdownNow();
    retired.forEach(r -> r.context().close());
    retired.clear();
  }
}
