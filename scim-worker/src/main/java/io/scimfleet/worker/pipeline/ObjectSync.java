package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.mapping.PayloadBuilder;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one object to one provider: lock → read its state and its directory object once (a user
 * with its manager's state, a group with its members resolved) → (a group: its members in scope not
 * on the target synced first; a user: its manager likewise, each outside this lock, then read
 * again) → scope → map ({@link ProviderPayloads}) → decide ({@link SyncDecision}) → validate → send
 * → record (its sync state, and the attempt in its history). Permanent failures (a 4xx, invalid
 * data, a mapping error) are recorded and returned; transient ones are recorded and thrown, for the
 * caller to retry.
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
  private final ProviderPayloads payloads;
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
      @Nullable SecretBox box) {
    this.stores = stores;
    this.health = health;
    this.metrics = metrics;
    this.guard = new DeletionGuard(stores, clock);
    this.attempts =
        new AttemptLog(stores.history(), clock, new Acknowledgements(stores, metrics, clock));
    RemoteWriter writer = new RemoteWriter(new CreateIntents(stores.syncState(), clock));
    this.payloads =
        new ProviderPayloads(new PayloadBuilder(stores.directory(), stores.syncState(), validator));
    this.steps = new SyncSteps(stores, writer, guard, clock);
    this.recorder = new FailureRecorder(stores.syncState(), health, clock);
    this.users =
        new UserSync(
            stores, steps, payloads, writer, new PasswordDelivery(stores.passwords(), box));
    this.groups = new GroupSync(stores, steps, payloads, writer);
    this.membersFirst = new MembersFirst(stores.directory());
    this.managerFirst = new ManagerFirst(stores.directory());
    this.bulk =
        new BulkWrites(stores, steps, payloads, writer, users, metrics, recorder, attempts, clock);
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
      @Nullable String capturedRemoteId,
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
      @Nullable String capturedRemoteId,
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
      @Nullable String capturedRemoteId,
      boolean force,
      SyncTrigger trigger,
      Set<String> managed) {
    return recorded(
        ctx,
        type,
        objectId,
        trigger,
        () -> locked(ctx, type, objectId, capturedRemoteId, force, managed));
  }

  /**
   * What a sync reads of the directory under the object's lock, once (the state aside): {@link
   * UserSync.Read} or {@link GroupSync.Read}.
   */
  sealed interface Read permits UserSync.Read, GroupSync.Read {}

  /**
   * Under the object's lock: its state and its directory object read once, then the sync. Where
   * that read finds objects to sync first (a group's members in scope that the target does not know
   * yet, a user's manager likewise; not in a dry run), the lock is let go, they are synced each
   * under its own lock, and the object is read again under its lock and synced.
   *
   * @param managed see {@link #syncFirst}
   */
  @SuppressWarnings("try") // the lock is held for the block and released by close()
  private SyncResult locked(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      @Nullable String capturedRemoteId,
      boolean force,
      Set<String> managed) {
    boolean firstSynced = ctx.provider().dryRun();
    while (true) {
      List<PayloadBuilder.Member> first;
      try (ObjectLocks.Lock lock = lock(ctx, type, objectId)) {
        ObjectSyncState state = stores.syncState().get(ctx.name(), type, objectId).orElse(null);
        AttemptLog.linked(state == null ? null : state.remoteId());
        Read read = read(ctx, type, objectId);
        first = firstSynced ? List.of() : first(ctx, objectId, read, managed);
        if (first.isEmpty()) {
          SyncResult result =
              fenced(
                  lock,
                  ctx,
                  type,
                  () -> attempt(ctx, type, objectId, state, read, capturedRemoteId, force));
          metrics.objectSynced(ctx.name(), type, result.outcome());
          return result;
        }
      }
      firstSynced = true;
      syncFirst(ctx, type, objectId, first, managed);
    }
  }

  private Read read(ProviderContext ctx, ObjectType type, String objectId) {
    return type == ObjectType.USER ? users.read(ctx, objectId) : groups.read(ctx, objectId);
  }

  /**
   * What to sync before the object: a group's members in scope that the target does not know yet
   * ({@link MembersFirst}); a user's manager, when it is in scope and not on the target yet ({@link
   * ManagerFirst}).
   */
  private List<PayloadBuilder.Member> first(
      ProviderContext ctx, String objectId, Read read, Set<String> managed) {
    if (read instanceof GroupSync.Read group) return membersFirst.of(ctx, group.members());
    return managerFirst
        .of(ctx, (UserSync.Read) read, chain(objectId, managed))
        .map(managerId -> List.of(new PayloadBuilder.Member(ObjectType.USER, managerId)))
        .orElse(List.of());
  }

  /**
   * Syncs the objects found to go first, each under its own lock, none while the object's is held.
   * A group's members each sync on their own (a child group first syncs its own: down the tree,
   * which has no cycles). A user's manager first syncs its own manager, and so on up, at most
   * {@link ManagerFirst#MAX_CHAIN} managers. Their failures are their own: a failure for good is
   * recorded on them (and the object goes without), a transient one is thrown, for a retry.
   *
   * @param managed the users whose managers are being synced first, further up this call: a manager
   *     among them is not synced first again (a chain A → B → A ends)
   */
  private void syncFirst(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      List<PayloadBuilder.Member> first,
      Set<String> managed) {
    Set<String> chain = type == ObjectType.USER ? chain(objectId, managed) : Set.of();
    for (PayloadBuilder.Member member : first) {
      sync(
          ctx,
          member.type(),
          member.id(),
          null,
          false,
          AttemptLog.currentTrigger(SyncTrigger.CHANGE),
          chain);
    }
  }

  private static Set<String> chain(String userId, Set<String> managed) {
    Set<String> chain = new HashSet<>(managed);
    chain.add(userId);
    return chain;
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
      ObjectSyncState stored = stores.syncState().get(ctx.name(), type, objectId).orElse(null);
      AttemptLog.linked(stored == null ? null : stored.remoteId());
      ObjectSyncState state = stored == null ? null : asOnTarget.apply(stored);
      Read read = read(ctx, type, objectId);
      SyncResult result =
          fenced(lock, ctx, type, () -> attempt(ctx, type, objectId, state, read, null, false));
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
  static @Nullable ObjectSyncState manager(PagePreload preload, String userId) {
    DirectoryUser user = preload.users().get(userId);
    String managerId = user == null ? null : UserTarget.managerId(user);
    return managerId == null ? null : preload.managers().get(managerId);
  }

  /** The payloads of this worker's objects, for the drift check to compare. */
  ProviderPayloads payloads() {
    return payloads;
  }

  private SyncResult attempt(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      @Nullable ObjectSyncState state,
      Read read,
      @Nullable String capturedRemoteId,
      boolean force) {
    try {
      SyncOutcome outcome =
          read instanceof UserSync.Read user
              ? users.sync(ctx, objectId, state, user, capturedRemoteId, force)
              : groups.sync(ctx, objectId, state, (GroupSync.Read) read, capturedRemoteId, force);
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
