package io.scimfleet.worker.handler;

import io.scimfleet.config.Pacing;
import io.scimfleet.config.WorkerSettings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Provider;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.SyncResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Syncs the objects of one page side by side: at most the provider's {@code maxConcurrency}
 * requests at once in this process (read again at every page, so a changed setting applies to the
 * next page). A transient failure gives its permit back while it waits for the target's
 * Retry-After, then tries again, up to the {@link Pacing}'s attempts and wait; what still fails
 * counts as failed and the rest of the page goes on. The threads are shared by every provider and
 * grow with the permits in use, so one provider's slow requests never queue another's.
 */
public final class PageRunner implements AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemons("scim-page-retry"));
  private final PageRun.Tools tools;
  private final Map<String, Permits> permits = new ConcurrentHashMap<>();

  /** A provider's requests in flight in this process, sized by its maxConcurrency when made. */
  record Permits(int size, Semaphore semaphore) {}

  /** The most page threads by default ({@code SCIM_PAGE_THREADS_MAX}). */
  public static final int DEFAULT_MAX_THREADS = WorkerSettings.DEFAULT_PAGE_THREADS_MAX;

  /**
   * @param threads threads kept ready; more start while providers' permits in use add up to more
   */
  public PageRunner(ObjectSync objects, FleetMetrics metrics, int threads, Pacing pacing) {
    this(objects, metrics, threads, DEFAULT_MAX_THREADS, pacing);
  }

  /**
   * @param threads threads kept ready; more start while providers' permits in use add up to more
   * @param maxThreads the most threads ever (at least {@code threads}): beyond them, a page's own
   *     job thread syncs its next object itself, so the pool never grows without bound
   */
  public PageRunner(
      ObjectSync objects, FleetMetrics metrics, int threads, int maxThreads, Pacing pacing) {
    this.pool =
        new ThreadPoolExecutor(
            threads,
            Math.max(threads, maxThreads),
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemons("scim-page-sync"),
            new ThreadPoolExecutor.CallerRunsPolicy());
    this.tools = new PageRun.Tools(objects, metrics, pacing, metrics.monitor(pool), timer);
  }

  /**
   * The result of each of the page's objects, in the order given: first the page's creates and
   * updates in Bulk requests (when the provider and its target allow), then the rest one by one.
   * Interrupting the calling thread stops the page.
   */
  List<SyncResult> run(PageRun.Work page) {
    SyncResult[] results =
        tools
            .objects()
            .syncPageInBulk(
                page.ctx(), page.type(), page.ids(), page.preload(), page.force(), page.trigger());
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) rest.add(page.ids().get(i));
      else page.step().run();
    }
    if (rest.isEmpty()) return Arrays.asList(results);
    Iterator<SyncResult> singles =
        new PageRun(tools, page.withIds(rest), permitsFor(page.ctx().provider()).semaphore())
            .run()
            .iterator();
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) results[i] = singles.next();
    }
    return Arrays.asList(results);
  }

  /**
   * The provider's permits; new ones when its maxConcurrency changed (pages under way keep theirs).
   */
  Permits permitsFor(Provider provider) {
    return permits.compute(
        provider.name(),
        (name, current) ->
            current != null && current.size() == provider.maxConcurrency()
                ? current
                : new Permits(provider.maxConcurrency(), new Semaphore(provider.maxConcurrency())));
  }

  private static ThreadFactory daemons(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    timer.shutdownNow();
    pool.shutdownNow();
  }
}
