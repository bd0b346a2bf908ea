package io.scimfleet.mapping;

import io.scimfleet.error.FleetException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Runs each evaluation on a thread of its own pool and waits for it no longer than its time limit
 * plus a grace. The budget's own checks stop an evaluation between two steps; the watchdog covers
 * what runs inside one step, such as a regular expression that backtracks for minutes: the caller
 * gets its time-limit error and goes on, and the evaluation is interrupted and abandoned. Its
 * thread ends at the next step check, or when that one built-in call returns.
 */
final class EvaluationWatchdog {
  private static final ExecutorService EVALUATIONS = Executors.newCachedThreadPool(daemons());

  private EvaluationWatchdog() {}

  static <T> T run(EvaluationBudget budget, Callable<T> evaluation) {
    Future<T> running = EVALUATIONS.submit(evaluation);
    try {
      return running.get(budget.watchdogMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw unchecked(e.getCause());
    } catch (TimeoutException e) {
      abandon(budget, running);
      throw budget.timeLimitReached();
    } catch (InterruptedException e) {
      abandon(budget, running);
      Thread.currentThread().interrupt();
      throw new Interrupted(budget.name(), e);
    }
  }

  private static void abandon(EvaluationBudget budget, Future<?> running) {
    budget.abandon();
    running.cancel(true);
  }

  private static RuntimeException unchecked(@Nullable Throwable cause) {
    if (cause instanceof RuntimeException runtime) return runtime;
    if (cause instanceof Error error) throw error;
    return new IllegalStateException(cause);
  }

  private static ThreadFactory daemons() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "jsonata-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The caller was interrupted while it waited: the job system runs it again later. */
  static final class Interrupted extends FleetException {
    private static final long serialVersionUID = 1L;

    Interrupted(String mappingName, InterruptedException cause) {
      super("interrupted while evaluating mapping '" + mappingName + "'", cause);
    }

    @Override
    public boolean retryable() {
      return true;
    }
  }
}
