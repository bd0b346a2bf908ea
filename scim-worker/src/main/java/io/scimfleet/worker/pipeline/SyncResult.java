package io.scimfleet.worker.pipeline;

import io.scimfleet.model.SyncOutcome;
import org.jspecify.annotations.Nullable;

/** What syncing one object ended in, and the readable error when it failed for good. */
public record SyncResult(SyncOutcome outcome, @Nullable String error) {
  static SyncResult of(SyncOutcome outcome) {
    return new SyncResult(outcome, null);
  }

  static SyncResult failed(String error) {
    return new SyncResult(SyncOutcome.FAILED, error);
  }

  public boolean failed() {
    return outcome == SyncOutcome.FAILED;
  }
}
