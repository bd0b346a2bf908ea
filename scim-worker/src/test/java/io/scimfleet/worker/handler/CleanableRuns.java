package io.scimfleet.worker.handler;

import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.FullSyncRun.Phase;

/**
 * Runs for tests that start a full sync's clean-up job by hand: the state machine lets a run clean
 * up only once its groups are planned, so the run is recorded in GROUPS (with no pages).
 */
final class CleanableRuns {
  private CleanableRuns() {}

  /** {@code started} as it is once its (empty) user and group phases were planned. */
  static FullSyncRun cleanable(FullSyncRun started) {
    return started.planned(Phase.USERS, 0).planned(Phase.GROUPS, 0);
  }
}
