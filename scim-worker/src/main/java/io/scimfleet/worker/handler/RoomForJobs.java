package io.scimfleet.worker.handler;

import io.scimfleet.job.FetchPolicy;
import io.scimfleet.job.FleetJob;

/**
 * The worker's fetch policy: a job is taken when this process has room for it, a free slot of its
 * provider ({@link ProviderJobSlots}) and, for a full sync's page, a place in its share of the
 * phase's window ({@link PageShares}); a job without room here is left enqueued for a worker that
 * has it. What one of the two counted for a job the other left is given back at once.
 */
public final class RoomForJobs implements FetchPolicy {
  private final ProviderJobSlots slots;
  private final PageShares shares;

  public RoomForJobs(ProviderJobSlots slots, PageShares shares) {
    this.slots = slots;
    this.shares = shares;
  }

  @Override
  public boolean take(FleetJob job, boolean overdue) {
    if (!slots.take(job, overdue)) return false;
    if (shares.take(job, overdue)) return true;
    slots.lost(job);
    return false;
  }

  @Override
  public void lost(FleetJob job) {
    slots.lost(job);
    shares.lost(job);
  }

  @Override
  public boolean takesAll() {
    return slots.takesAll() && shares.takesAll();
  }
}
