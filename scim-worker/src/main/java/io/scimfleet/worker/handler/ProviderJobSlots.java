package io.scimfleet.worker.handler;

import io.scimfleet.job.FetchPolicy;
import io.scimfleet.job.FleetJob;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncObjectsRequest;
import io.scimfleet.job.SyncPageRequest;
import java.time.Duration;

/**
 * The job threads of this process that each provider's jobs hold: at most {@code limit} per
 * provider, so that a provider whose target is slow or failing cannot take every thread. A job that
 * finds its provider's slots taken waits a moment ({@link ObjectJobHandler#SLOT_WAIT}) and then
 * hands itself back instead of waiting longer.
 *
 * <p>As part of the job server's {@link FetchPolicy} ({@link RoomForJobs}) the slots are weighed
 * when jobs are fetched: a job that would hold a slot (a change, an import batch, a full sync's
 * page) is left enqueued while its provider's slots here are all held, for a worker with room, and
 * a job taken is counted from its fetch (a reservation its handler's take then uses). Before, a
 * full worker fetched the job anyway and the job handed itself back: a page so handed back cost its
 * phase a second.
 */
public final class ProviderJobSlots implements FetchPolicy {
  private final int limit;
  private final ProviderCounts taken = new ProviderCounts();
  private final FetchReservations reserved = new FetchReservations(taken);

  public ProviderJobSlots(int limit) {
    this.limit = limit;
  }

  /** Takes a slot of the provider when one is free; the caller must {@link #release} it. */
  boolean tryTake(String provider) {
    return taken.take(provider, limit, Duration.ZERO);
  }

  /**
   * The slot {@code job} was counted in at its fetch, or else a slot of its provider, waiting up to
   * {@code wait} for one: on a fast target a job of the provider ends within milliseconds, which is
   * much sooner than a hand-back comes back. The caller must {@link #release} it.
   */
  boolean tryTake(FleetJob job, Duration wait) {
    if (reserved.use(job)) return true;
    return taken.take(job.provider(), limit, wait);
  }

  /**
   * At a fetch: takes a job that holds a slot when one of its provider's slots is free, counting it
   * from now; leaves it, for a worker with room, when all are held. An overdue change or import
   * batch is taken even then (its handler waits for a slot or hands it back, as before): a burst of
   * one provider's jobs never holds up the jobs enqueued behind it for long. A page is not: a phase
   * enqueues at most its window of pages, and the first slot freed in the fleet takes it.
   */
  @Override
  public boolean take(FleetJob job, boolean overdue) {
    if (!holdsASlot(job)) return true;
    reserved.giveBackStale();
    if (taken.take(job.provider(), limit, Duration.ZERO)) {
      reserved.reserve(job, job.provider());
      return true;
    }
    return overdue && !(job instanceof SyncPageRequest);
  }

  /** A job counted at a fetch that another server got: its slot is free again. */
  @Override
  public void lost(FleetJob job) {
    reserved.lost(job);
  }

  /** True while no provider holds all its slots here: nothing fetched now would be left. */
  @Override
  public boolean takesAll() {
    return !taken.anyAt(limit);
  }

  private static boolean holdsASlot(FleetJob job) {
    return job instanceof SyncObjectRequest
        || job instanceof SyncObjectsRequest
        || job instanceof SyncPageRequest;
  }

  /**
   * Gives back a slot taken by {@link #tryTake}.
   *
   * @throws IllegalStateException when none of the provider's slots is taken (a release without a
   *     take): nothing changes, so the count never drops below zero
   */
  void release(String provider) {
    if (!taken.release(provider))
      throw new IllegalStateException(
          "no job slot of provider " + provider + " is taken: a release without a take");
  }

  int taken(String provider) {
    return taken.now(provider);
  }
}
