package io.scimfleet.model;

import java.time.Instant;

/**
 * A full sync asked for while a run of its provider was going: it runs right after that run ends.
 * The requests made meanwhile fold into one ({@link #folding}): the first one's run id and time
 * stay, and a {@code force} asked by any of them is kept.
 *
 * @param runId the id the follow-up run will have
 */
public record FullSyncFollowUp(String runId, boolean force, Instant requestedAt) {

  /** This follow-up with a later request folded in. */
  public FullSyncFollowUp folding(FullSyncFollowUp later) {
    return new FullSyncFollowUp(runId, force || later.force(), requestedAt);
  }
}
