package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.store.SyncStateStore;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * The one place where an object's sync attempt ends as a failure or a success toward its provider
 * and its sync state, for the single path ({@link ObjectSync}) and the Bulk path ({@link
 * BulkWrites}) alike. A failure counts toward the provider's quarantine ({@link ProviderHealth})
 * and is written on the object's sync state (its last state kept, with the error); a success resets
 * the provider's failures in a row. The attempt's history and receipt are {@link AttemptLog}'s; the
 * outcome's count is the caller's {@code FleetMetrics.objectSynced}.
 */
final class FailureRecorder {
  private final SyncStateStore syncState;
  private final ProviderHealth health;
  private final Clock clock;

  FailureRecorder(SyncStateStore syncState, ProviderHealth health, Clock clock) {
    this.syncState = syncState;
    this.health = health;
    this.clock = clock;
  }

  /** The object reached the target: the provider answers. */
  void succeeded(ProviderContext ctx) {
    health.succeeded(ctx.name());
  }

  /**
   * Records the failure: counted toward the provider's quarantine and written on the object's state
   * (a store that is down too is noted on {@code e}, never thrown). Returns the failed result; a
   * caller that retries throws {@code e} instead.
   *
   * @param state the object's state before the attempt; null when it has none
   */
  SyncResult failed(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      @Nullable ObjectSyncState state,
      FleetException e) {
    health.failed(ctx.name(), e);
    ObjectSyncState base =
        state != null ? state : ObjectSyncState.builder(ctx.name(), type, objectId).build();
    try {
      syncState.put(
          base.withFailure(SyncOutcome.FAILED, e.getMessage(), clock.instant()),
          WriteFence.current());
    } catch (FleetException storeDown) {
      e.addSuppressed(storeDown);
    }
    return SyncResult.failed(e.getMessage());
  }
}
