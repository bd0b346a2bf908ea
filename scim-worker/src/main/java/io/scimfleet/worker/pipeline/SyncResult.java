package io.scimfleet.worker.pipeline;

import io.scimfleet.model.SyncOutcome;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What syncing one object ended in, and the readable error when it failed for good. */
public record SyncResult(SyncOutcome outcome, @Nullable String error) {
  public SyncResult {
    if (outcome == SyncOutcome.FAILED && error == null)
      throw new IllegalArgumentException("a failed result needs its readable error");
  }

  static SyncResult of(SyncOutcome outcome) {
    return new SyncResult(outcome, null);
  }

  static SyncResult failed(String error) {
    return new SyncResult(SyncOutcome.FAILED, error);
  }

  public boolean failed() {
    return outcome == SyncOutcome.FAILED;
  }

  /** The readable error of a failed result (a failed result always carries one). */
  public String failure() {
    if (!failed()) throw new IllegalStateException("a " + outcome + " result has no failure");
    return Objects.requireNonNull(error, "the constructor refuses a failed result without one");
  }
}
