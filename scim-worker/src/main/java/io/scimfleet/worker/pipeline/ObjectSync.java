package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.ObjectLocks;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Syncs one object to one provider: lock → load the latest state → scope → map → validate → compare
 * with the last payload's hash → send → record. Permanent failures (a 4xx, invalid data, a mapping
 * error) are recorded and returned; transient ones are recorded and thrown, for the caller to retry.
 */
public final class ObjectSync {
  static final Duration LOCK_LEASE = Duration.ofSeconds(60); // the client's total request timeout
  static final Duration LOCK_WAIT = Duration.ofSeconds(30);

  private final Stores stores;
  private final FleetMetrics metrics;
  private final Clock clock;
  private final ProviderHealth health;
  private final UserSync users;
  private final GroupSync groups;
  private final DeletionGuard guard;

  public ObjectSync(Stores stores, ScimSchemaValidator validator, FleetMetrics metrics, ProviderHealth health,
      Clock clock) {
    this.stores = stores;
    this.health = health;
    this.metrics = metrics;
    this.clock = clock;
    this.guard = new DeletionGuard(stores, clock);
    SyncSteps steps = new SyncSteps(stores, validator, new RemoteWriter(), guard, clock);
    this.users = new UserSync(stores, steps);
    this.groups = new GroupSync(stores, steps, this);
  }

  /**
   * @param capturedRemoteId the remote id taken when a delete happened, used when no state holds one
   * @param force send even when the payload is unchanged
   */
  @SuppressWarnings("try") // the lock is held for the block and released by close()
  public SyncResult sync(ProviderContext ctx, ObjectType type, String objectId, String capturedRemoteId,
      boolean force) {
    health.requireOpenHere(ctx.name());
    try (ObjectLocks.Lock lock = lock(ctx, type, objectId)) {
      ObjectSyncState state = stores.syncState().get(ctx.name(), type, objectId).orElse(null);
      SyncResult result = attempt(ctx, type, objectId, state, capturedRemoteId, force);
      metrics.objectSynced(ctx.name(), type, result.outcome());
      return result;
    }
  }

  /**
   * Syncs a held removal's object past the deletion guard: still gone, it is removed; back in scope,
   * it is updated. Either way it is no longer held, unless a transient failure (thrown) leaves it for a retry.
   */
  public SyncResult release(ProviderContext ctx, HeldDeletion held) {
    SyncResult result = guard.releasing(held, () -> sync(ctx, held.type(), held.objectId(), held.remoteId(), false));
    stores.deletions().unhold(ctx.name(), held.type(), held.objectId());
    return result;
  }

  /**
   * Syncs an object the drift check found changed by hand on the target: under the object's lock its
   * state is first made to say what the target holds ({@code asOnTarget}: no remote id when the target
   * lost it, no payload hash when attributes differ, the members the target has), so the usual steps
   * write back the difference. A success is also counted as {@link SyncOutcome#REPAIRED}.
   */
  @SuppressWarnings("try") // the lock is held for the block and released by close()
  public SyncResult repair(ProviderContext ctx, ObjectType type, String objectId,
      UnaryOperator<ObjectSyncState> asOnTarget) {
    health.requireOpenHere(ctx.name());
    try (ObjectLocks.Lock lock = lock(ctx, type, objectId)) {
      ObjectSyncState state = stores.syncState().get(ctx.name(), type, objectId).map(asOnTarget).orElse(null);
      SyncResult result = attempt(ctx, type, objectId, state, null, false);
      metrics.objectSynced(ctx.name(), type, result.outcome());
      if (result.outcome() == SyncOutcome.CREATED || result.outcome() == SyncOutcome.UPDATED) {
        metrics.objectSynced(ctx.name(), type, SyncOutcome.REPAIRED);
      }
      return result;
    }
  }

  /**
   * One object of a full-sync page: when its preloaded state shows the payload is the one last sent,
   * it is unchanged and costs no lock; anything else goes through {@link #sync}.
   */
  public SyncResult syncFromPage(ProviderContext ctx, ObjectType type, String objectId, PagePreload preload,
      boolean force) {
    if (!force && type == ObjectType.USER
        && users.unchanged(ctx, preload.users().get(objectId), preload.states().get(objectId))) {
      metrics.objectSynced(ctx.name(), type, SyncOutcome.UNCHANGED);
      return SyncResult.of(SyncOutcome.UNCHANGED);
    }
    return sync(ctx, type, objectId, null, force);
  }

  private SyncResult attempt(ProviderContext ctx, ObjectType type, String objectId, ObjectSyncState state,
      String capturedRemoteId, boolean force) {
    try {
      SyncOutcome outcome = type == ObjectType.USER
          ? users.sync(ctx, objectId, state, capturedRemoteId, force)
          : groups.sync(ctx, objectId, state, capturedRemoteId, force);
      health.succeeded(ctx.name());
      return SyncResult.of(outcome);
    } catch (ProviderQuarantinedException paused) {
      throw paused; // not this object's failure: the whole provider waits
    } catch (FleetException e) {
      health.failed(ctx.name(), e);
      recordFailure(ctx, type, objectId, state, e);
      if (e.retryable()) throw e;
      return SyncResult.failed(e.getMessage());
    }
  }

  private void recordFailure(ProviderContext ctx, ObjectType type, String objectId, ObjectSyncState state,
      FleetException e) {
    ObjectSyncState base = state != null ? state
        : new ObjectSyncState(ctx.name(), type, objectId, null, null, null, null, null, null, null);
    try {
      stores.syncState().put(base.withFailure(SyncOutcome.FAILED, e.getMessage(), clock.instant()));
    } catch (FleetException storeDown) {
      e.addSuppressed(storeDown);
    }
  }

  private ObjectLocks.Lock lock(ProviderContext ctx, ObjectType type, String objectId) {
    return stores.locks().acquire(ctx.name(), type, objectId, LOCK_LEASE, LOCK_WAIT)
        .orElseThrow(() -> new ObjectBusyException(ctx.name(), type, objectId));
  }
}
