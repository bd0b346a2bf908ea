package io.scimfleet.worker.handler;

import io.scimfleet.job.FetchPolicy;
import io.scimfleet.job.FleetJob;
import io.scimfleet.job.SyncPageRequest;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The pages of each provider's full sync that this process runs at once, held to its share of the
 * phase's window when several workers are live: {@code ceil(min(window, pages) / live workers)}. A
 * page beyond the share is handed back, for a worker that runs fewer. Without it the first worker
 * to fetch took every page of the window (its {@code SCIM_JOBS_PER_PROVIDER} slots allowed it) and
 * ran them under its own {@code maxConcurrency} while the others idled: a second worker added
 * nothing. With one live worker there is no cap beyond the slots (single-worker behaviour as
 * before). docs/scale.md has the numbers.
 *
 * <p>As the job server's {@link FetchPolicy} the share is kept when the pages are fetched: a page
 * beyond it stays enqueued for the other workers, and a page taken is counted from its fetch (a
 * reservation, which its handler's take then uses), so that two fetches in a row cannot both take
 * the last place. The hand-back stays for pages fetched without the policy.
 */
public final class PageShares implements FetchPolicy {
  /** How long a count of the live workers is used before it is read again. */
  static final Duration WORKERS_FRESH = Duration.ofSeconds(1);

  private final IntSupplier liveWorkers;
  private final ProviderCounts running = new ProviderCounts();

  /** Pages counted at their fetch and not yet taken by their handler, by job id. */
  private final FetchReservations reserved = new FetchReservations(running);

  private volatile long workersReadAt;
  private volatile int workers;

  /**
   * @param liveWorkers the worker processes taking jobs now (JobRunr's job servers whose heartbeat
   *     has not timed out), read at most once per {@link #WORKERS_FRESH}
   */
  public PageShares(IntSupplier liveWorkers) {
    this.liveWorkers = liveWorkers;
  }

  /** Shares for a process that is the only worker (tests): no cap. */
  static PageShares alone() {
    return new PageShares(() -> 1);
  }

  /**
   * One worker's share of a phase's window: the pages let run at once ({@code window}, or all
   * {@code pages} without one), split evenly over the live workers, rounded up so that the shares
   * together hold the whole window; at least 1.
   */
  static int share(int window, int pages, int workers) {
    int inFlight = Math.max(1, Math.min(pages, window > 0 ? window : pages));
    int over = Math.max(1, workers);
    return Math.max(1, (inFlight + over - 1) / over);
  }

  /**
   * Counts {@code page} as running here when this process runs fewer of its provider's pages than
   * its share; the caller must then {@link #release} it.
   */
  boolean tryTake(SyncPageRequest page) {
    return tryTake(page, Duration.ZERO);
  }

  /**
   * As {@link #tryTake(SyncPageRequest)}, waiting up to {@code wait} for one of this process's
   * pages of the provider to end when its share is full. Pages that find nothing to do end in tens
   * of milliseconds: a short wait runs such a page here at once, where handing it back cost a
   * second's reschedule on the phase's last pages (an unchanged re-sync's time). A page that still
   * finds the share full is handed back to the other workers.
   */
  boolean tryTake(SyncPageRequest page, Duration wait) {
    if (reserved.use(page.stableId())) return true;
    return running.take(page.provider(), limit(page), wait);
  }

  private int limit(SyncPageRequest page) {
    int live = liveWorkers();
    return live <= 1 ? Integer.MAX_VALUE : share(page.inFlight(), page.pages(), live);
  }

  /**
   * At a fetch: takes a full sync's page when this process runs fewer of its provider's pages than
   * its share, or when it is {@code overdue}, counting it from now (its handler's take uses that);
   * every other job is taken.
   */
  @Override
  public boolean take(FleetJob job, boolean overdue) {
    if (!(job instanceof SyncPageRequest page)) return true;
    reserved.giveBackStale();
    int limit = overdue ? Integer.MAX_VALUE : limit(page);
    if (!running.take(page.provider(), limit, Duration.ZERO)) return false;
    reserved.reserve(page.stableId(), page.provider());
    return true;
  }

  /**
   * True while a fetch cannot meet a share: this is the only live worker, or it runs no full sync's
   * pages.
   */
  @Override
  public boolean takesAll() {
    return liveWorkers() <= 1 || running.none();
  }

  /** A page reserved at a fetch that another server got: its place is free again. */
  @Override
  public void lost(FleetJob job) {
    if (job instanceof SyncPageRequest page) reserved.lost(page.stableId());
  }

  void release(String provider) {
    if (!running.release(provider))
      throw new NullPointerException("a page of " + provider + " released here without a take");
  }

  int running(String provider) {
    return running.now(provider);
  }

  /**
   * The live workers, read again when the last count is older than {@link #WORKERS_FRESH}; when it
   * cannot be read (Redis away), the last count (1 at first: no cap), so that a page is not failed
   * for it.
   */
  int liveWorkers() {
    long now = System.nanoTime();
    if (workersReadAt == 0 || now - workersReadAt > WORKERS_FRESH.toNanos()) {
      int read;
      try {
        read = Math.max(1, liveWorkers.getAsInt());
      } catch (RuntimeException unreadable) {
        read = Math.max(1, workers);
      }
      workers = read;
      workersReadAt = now == 0 ? 1 : now;
    }
    return workers;
  }
}
