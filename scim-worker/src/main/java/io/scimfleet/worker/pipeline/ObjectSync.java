package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.UserTarget;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.secret.SecretBox;
import io.scimfleet.store.LockLostException;
import io.scimfleet.store.ObjectLocks;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one object to one provider: (a group: its unsynced members first; a user: its unsynced
 * manager first) → lock → load the latest state → scope → map → validate → compare with the last
 * payload's hash → send → record (its sync state, and the attempt in its history). Permanent
 * failures (a 4xx, invalid data, a mapping error) are recorded and returned; transient ones are
 * recorded and thrown, for the caller to retry.
 */
public final class ObjectSync {
  private static final Logger log = LoggerFactory.getLogger(ObjectSync.class);
  static final Duration LOCK_LEASE = Duration.ofSeconds(60); // the client's total request timeout
  static final Duration LOCK_WAIT = Duration.ofSeconds(30);

  private final Stores stores;
  private final FleetMetrics metrics;
  private final ProviderHealth health;
  private final UserSync users;
  private final GroupSync groups;
  private final MembersFirst membersFirst;
  private final ManagerFirst managerFirst;
  private final DeletionGuard guard;
  private final SyncSteps steps;
  private final AttemptLog attempts;
  private final BulkWrites bulk;
  private final FailureRecorder recorder;

  /**
   * Without a key: a password waiting for a provider that syncs passwords fails that user's sync,
   * saying so.
   */
  public ObjectSync(
      Stores stores,
      ScimSchemaValidator validator,
      FleetMetrics metrics,
      ProviderHealth health,
      Clock clock) {
    this(stores, validator, metrics, health, clock, null);
  }

  /**
   * @param box opens the users' new passwords ({@code SCIM_SECRET_KEY}); null: none
   */
  public ObjectSync(
      Stores stores,
      ScimSchemaValidator validator,
      FleetMetrics metrics,
      ProviderHealth health,
      Clock clock,
      SecretBox box) {
    this.stores = stores;
    this.health = health;
    this.metrics = metrics;
    this.guard = new DeletionGuard(stores, clock);
    this.attempts =
        new AttemptLog(stores.history(), clock, new Acknowledgements(stores, metrics, clock));
    RemoteWriter writer = new RemoteWriter(new CreateIntents(stores.syncState(), clock));
    this.steps = new SyncSteps(stores, validator, writer, guard, clock);
    this.recorder = new FailureRecorder(stores.syncState(), health, clock);
    this.users = new UserSync(stores, steps, writer, new PasswordDelivery(stores.passwords(), box));
    this.groups = new GroupSync(stores, steps, writer);
    this.membersFirst = new MembersFirst(stores.directory(), steps);
    this.managerFirst = new ManagerFirst(stores);
    this.bulk = new BulkWrites(stores, steps, writer, users, metrics, recorder, attempts, clock);
  }

  /**
   * Brings one object of the directory to the target under its lock; the trigger is that of the
   * attempt it runs inside (a group syncing a member first), else a change.
   *
   * @param capturedRemoteId the remote id taken when a delete happened, used when no state holds
   *     one
   * @param force send even when the payload is unchanged
   */
  public SyncResult sync(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      String capturedRemoteId,
      boolean force) {
    return sync(
        ctx,
        type,
        objectId,
        capturedRemoteId,
        force,
        AttemptLog.currentTrigger(SyncTrigger.CHANGE));
  }

  /**
   * One attempt, recorded in the object's history with {@code trigger}, the requests sent and the
   * outcome or error.
   */
  public SyncResult sync(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      String capturedRemoteId,
      boolean force,
      SyncTrigger trigger) {
    return sync(ctx, type, objectId, capturedRemoteId, force, trigger, Set.of());
  }

  /**
   * @param managed the users whose managers are being synced first, further up this call: a manager
   *     among them is not synced first again (a chain A → B → A ends)
   */
  private SyncResult sync(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      String capturedRemoteId,
      boolean force,
      SyncTrigger trigger,
      Set<String> managed) {
    return recorded(
        ctx,
        type,
        objectId,
        trigger,
        () -> {
          if (type == ObjectType.GROUP && !ctx.provider().dryRun()) syncMembersFirst(ctx, objectId);
          if (type == ObjectType.USER && !ctx.provider().dryRun())
            syncManagerFirst(ctx, objectId, managed);
          return locked(ctx, type, objectId, capturedRemoteId, force);
        });
  }

  /**
   * The user's manager, when it is in scope and not on the target yet, synced under its own lock
   * before the user's is taken (its own manager first, and so on up, at most {@link
   * ManagerFirst#MAX_CHAIN} managers). A manager that fails for good is recorded on it, and the
   * user goes without; a transient failure is thrown, for a retry.
   */
  private void syncManagerFirst(ProviderContext ctx, String userId, Set<String> managed) {
    Set<String> chain = new HashSet<>(managed);
    chain.add(userId);
    managerFirst
        .of(ctx, userId, chain)
        .ifPresent(
            managerId ->
                sync(
                    ctx,
                    ObjectType.USER,
                    managerId,
                    null,
                    false,
                    AttemptLog.currentTrigger(SyncTrigger.CHANGE),
                    chain));
  }

  @SuppressWarnings("try") // the lock is held for the block and released by close()
  private SyncResult locked(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      String capturedRemoteId,
      boolean force) {
    try (ObjectLocks.Lock lock = lock(ctx, type, objectId)) {
      ObjectSyncState state = stores.syncState().get(ctx.name(), type, objectId).orElse(null);
      SyncResult result =
          fenced(
              lock, ctx, type, () -> attempt(ctx, type, objectId, state, capturedRemoteId, force));
      metrics.objectSynced(ctx.name(), type, result.outcome());
      return result;
    }
  }

  /**
   * A group's members in scope that the target does not know yet, each synced under its own lock
   * before the group's is taken (a child group first syncs its own: down the tree, which has no
   * cycles). Their failures are their own: recorded on them, a transient one thrown for a retry.
   */
  private void syncMembersFirst(ProviderContext ctx, String groupId) {
    for (MembersFirst.Member member : membersFirst.of(ctx, groupId))
      sync(ctx, member.type(), member.id(), null, false);
  }

  /**
   * Syncs a held removal's object past the deletion guard: still gone, it is removed; back in
   * scope, it is updated. Either way it is no longer held, unless a transient failure (thrown)
   * leaves it for a retry.
   */
  public SyncResult release(ProviderContext ctx, HeldDeletion held) {
    SyncResult result =
        guard.releasing(
            held,
            () ->
                sync(
                    ctx, held.type(), held.objectId(), held.remoteId(), false, SyncTrigger.MANUAL));
    stores.deletions().unhold(ctx.name(), held.type(), held.objectId());
    return result;
  }

  /**
   * Syncs an object the drift check found changed by hand on the target: under the object's lock
   * its state is first made to say what the target holds ({@code asOnTarget}: no remote id when the
   * target lost it, no payload hash when attributes differ, the members the target has), so the
   * usual steps write back the difference. A success is also counted as {@link
   * SyncOutcome#REPAIRED}.
   */
  public SyncResult repair(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      UnaryOperator<ObjectSyncState> asOnTarget) {
    return recorded(
        ctx,
        type,
        objectId,
        SyncTrigger.FULL_SYNC,
        () -> repairLocked(ctx, type, objectId, asOnTarget));
  }

  /**
   * One attempt of the object, recorded in its history; none while the provider is paused as this
   * worker knows it: what the job read when it started ({@link ProviderHealth#requireOpen}), and a
   * quarantine that this worker's failures entered since. Reads nothing.
   */
  private SyncResult recorded(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      SyncTrigger trigger,
      Supplier<SyncResult> body) {
    health.requireStillOpen(ctx.name());
    return attempts.recording(ctx.name(), type, objectId, trigger, body);
  }

  @SuppressWarnings("try") // the lock is held for the block and released by close()
  private SyncResult repairLocked(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      UnaryOperator<ObjectSyncState> asOnTarget) {
    try (ObjectLocks.Lock lock = lock(ctx, type, objectId)) {
      ObjectSyncState state =
          stores.syncState().get(ctx.name(), type, objectId).map(asOnTarget).orElse(null);
      SyncResult result =
          fenced(lock, ctx, type, () -> attempt(ctx, type, objectId, state, null, false));
      metrics.objectSynced(ctx.name(), type, result.outcome());
      if (result.outcome() == SyncOutcome.CREATED || result.outcome() == SyncOutcome.UPDATED) {
        metrics.objectSynced(ctx.name(), type, SyncOutcome.REPAIRED);
      }
      return result;
    }
  }

  /**
   * One object of a full-sync page: when its preloaded state shows the payload is the one last
   * sent, it is unchanged and costs no lock; anything else goes through {@link #sync}.
   */
  public SyncResult syncFromPage(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      PagePreload preload,
      boolean force,
      SyncTrigger trigger) {
    if (!force
        && type == ObjectType.USER
        && !preload.passwordsWaiting().contains(objectId)
        && users.unchanged(
            ctx,
            preload.users().get(objectId),
            preload.states().get(objectId),
            manager(preload, objectId))) {
      metrics.objectSynced(ctx.name(), type, SyncOutcome.UNCHANGED);
      return SyncResult.of(SyncOutcome.UNCHANGED);
    }
    return sync(ctx, type, objectId, null, force, trigger);
  }

  /**
   * A full-sync page's creates and updates in SCIM Bulk requests, when the provider and its target
   * allow ({@link BulkWrites}): one result per id, in order, null for each object left to {@link
   * #syncFromPage}. All null when Bulk does not apply.
   */
  public SyncResult[] syncPageInBulk(
      ProviderContext ctx,
      ObjectType type,
      List<String> ids,
      PagePreload preload,
      boolean force,
      SyncTrigger trigger) {
    return bulk.applies(ctx, type)
        ? bulk.run(ctx, ids, preload, force, trigger)
        : new SyncResult[ids.size()];
  }

  /** The preloaded state of the user's manager; null when none. */
  static ObjectSyncState manager(PagePreload preload, String userId) {
    DirectoryUser user = preload.users().get(userId);
    String managerId = user == null ? null : UserTarget.managerId(user);
    return managerId == null ? null : preload.managers().get(managerId);
  }

  /** Users as mapping input for the provider's target (see {@link SyncSteps#userInputs}). */
  Map<String, MappingInput> userInputs(ProviderContext ctx, Collection<DirectoryUser> users) {
    return steps.userInputs(ctx, users);
  }

  private SyncResult attempt(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      ObjectSyncState state,
      String capturedRemoteId,
      boolean force) {
    try {
      SyncOutcome outcome =
          type == ObjectType.USER
              ? users.sync(ctx, objectId, state, capturedRemoteId, force)
              : groups.sync(ctx, objectId, state, capturedRemoteId, force);
      recorder.succeeded(ctx);
      return SyncResult.of(outcome);
    } catch (ProviderQuarantinedException paused) {
      throw paused; // not this object's failure: the whole provider waits
    } catch (LockLostException lost) {
      throw lost; // not the target's failure, and nothing may be recorded: see fenced()
    } catch (FleetException e) {
      SyncResult failed = recorder.failed(ctx, type, objectId, state, e);
      if (e.retryable()) throw e;
      return failed;
    }
  }

  /**
   * Runs the sync with the lock's token fencing its state writes. A write refused because the lease
   * ran out and another worker took the lock is logged and counted, and thrown as {@link
   * ObjectBusyException}: retryable, the retry finds what the other worker recorded.
   */
  private SyncResult fenced(
      ObjectLocks.Lock lock, ProviderContext ctx, ObjectType type, Supplier<SyncResult> sync) {
    try {
      return WriteFence.holding(lock.token(), sync);
    } catch (LockLostException lost) {
      log.warn(lost.getMessage());
      metrics.lockLostWrite(ctx.name(), type);
      throw new ObjectBusyException(lost);
    }
  }

  /** The object's lock, its lease renewed while the sync goes on ({@link LeaseKeeper}). */
  private ObjectLocks.Lock lock(ProviderContext ctx, ObjectType type, String objectId) {
    ObjectLocks.Lock lock =
        stores
            .locks()
            .acquire(ctx.name(), type, objectId, LOCK_LEASE, LOCK_WAIT)
            .orElseThrow(() -> new ObjectBusyException(ctx.name(), type, objectId));
    return LeaseKeeper.kept(lock, LOCK_LEASE, type.label() + " " + objectId + " on " + ctx.name());
  }
}
