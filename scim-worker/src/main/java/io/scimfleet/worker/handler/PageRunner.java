package io.scimfleet.worker.handler;

import io.scimfleet.error.FleetException;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.store.StoreException;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.PagePreload;
import io.scimfleet.worker.pipeline.ProviderQuarantinedException;
import io.scimfleet.worker.pipeline.ProviderContext;
import io.scimfleet.worker.pipeline.SyncResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Syncs the objects of one page side by side (at most the provider's maxConcurrency requests at once
 * in this process). A transient failure is retried here a few times, never before the target's
 * Retry-After; what still fails counts as failed and the rest of the page goes on.
 */
public final class PageRunner implements AutoCloseable {
  static final int ATTEMPTS = 3;
  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final ObjectSync objects;
  private final FleetMetrics metrics;
  private final ExecutorService pool;
  private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

  public PageRunner(ObjectSync objects, FleetMetrics metrics, int threads) {
    this.objects = objects;
    this.metrics = metrics;
    this.pool = metrics.monitor(Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "scim-page-sync");
      thread.setDaemon(true);
      return thread;
    }));
  }

  /** The result of each object, in the order given. */
  public List<SyncResult> run(ProviderContext ctx, ObjectType type, List<String> ids, PagePreload preload,
      boolean force, Runnable step) {
    Semaphore permits = inFlight.computeIfAbsent(ctx.name(), name -> new Semaphore(ctx.provider().maxConcurrency()));
    List<CompletableFuture<SyncResult>> futures = new ArrayList<>();
    for (String id : ids) {
      futures.add(CompletableFuture.supplyAsync(() -> withPermit(permits, () -> syncWithRetries(ctx, type, id, preload, force)), pool)
          .whenComplete((result, error) -> step.run()));
    }
    try {
      return futures.stream().map(CompletableFuture::join).toList();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private SyncResult syncWithRetries(ProviderContext ctx, ObjectType type, String id, PagePreload preload,
      boolean force) {
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt == 1 ? objects.syncFromPage(ctx, type, id, preload, force) : objects.sync(ctx, type, id, null, force);
      } catch (ProviderQuarantinedException paused) {
        throw paused; // the whole page waits for the provider
      } catch (FleetException e) {
        if (e instanceof StoreException && e.retryable()) throw e; // Redis unreachable: the page job runs again
        Duration retryAfter = Retries.retryAfter(e);
        Duration wait = retryAfter.compareTo(backOff(attempt)) > 0 ? retryAfter : backOff(attempt);
        if (attempt >= ATTEMPTS || wait.compareTo(LONGEST_WAIT) > 0) {
          return new SyncResult(SyncOutcome.FAILED, "gave up after " + attempt + " attempts: " + e.getMessage());
        }
        metrics.retry(ctx.name());
        pause(wait);
      } catch (RuntimeException unexpected) {
        return new SyncResult(SyncOutcome.FAILED, unexpected.toString());
      }
    }
  }

  private static Duration backOff(int attempt) {
    return Duration.ofMillis(500L << attempt);
  }

  /** The one wait in the pipeline: a target asked us to come back later (Retry-After or back-off). */
  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }

  private static SyncResult withPermit(Semaphore permits, java.util.function.Supplier<SyncResult> work) {
    permits.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
