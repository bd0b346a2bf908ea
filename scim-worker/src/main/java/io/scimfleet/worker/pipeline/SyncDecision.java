package io.scimfleet.worker.pipeline;

import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether an object is unchanged, to be created, updated or removed on a provider's target: the one
 * place that compares what the directory maps to now (its payload's hash) with what its sync state
 * says was last sent. The single, batch and Bulk paths of users and groups, and a full sync's
 * clean-up, all ask it; none compares hashes or states on its own.
 */
public final class SyncDecision {
  /** What the target needs for the object. */
  enum Action {
    /** The payload last sent is the one the object maps to now: nothing to send. */
    UNCHANGED,
    /** Not on the target yet (no remote id): create it (or link the one there). */
    CREATE,
    /** On the target, with another payload (or a forced sync): update it. */
    UPDATE,
    /** Gone from the directory or out of scope: remove what the fleet put there, if anything. */
    REMOVE
  }

  private SyncDecision() {}

  /**
   * @param hash the hash of the payload the object maps to now; null when it left the directory or
   *     the scope
   * @param force send even when the payload is the one last sent
   */
  static Action of(@Nullable ObjectSyncState state, @Nullable String hash, boolean force) {
    if (hash == null) return Action.REMOVE;
    if (state == null || !onTarget(state)) return Action.CREATE;
    return !force && hash.equals(state.payloadHash()) ? Action.UNCHANGED : Action.UPDATE;
  }

  /** The target knows the object: its state holds a remote id. */
  public static boolean onTarget(@Nullable ObjectSyncState state) {
    return remoteId(state) != null;
  }

  /** The object's remote id when it is on the target; null when it is not. */
  static @Nullable String remoteId(@Nullable ObjectSyncState state) {
    return state == null ? null : state.remoteId();
  }

  /**
   * The remote id of an object the decision found on the target (to update it); its absence is a
   * bug.
   */
  static String remoteIdOnTarget(ObjectSyncState state) {
    return Objects.requireNonNull(
        state.remoteId(), () -> "updating " + state.objectId() + " needs its remote id");
  }

  /**
   * A full-sync page may find the object unchanged without its lock (and without mapping it): it is
   * on the target and its last sync went well. Anything else goes the locked way.
   */
  static boolean mayBeUnchangedUnlocked(@Nullable ObjectSyncState state) {
    return state != null && onTarget(state) && state.outcome() != SyncOutcome.FAILED;
  }

  /**
   * The payload with this hash went out before and was valid then (a state's hash is recorded only
   * after a send): it needs no validation again.
   */
  static boolean sentBefore(@Nullable ObjectSyncState state, String hash) {
    return state != null && hash.equals(state.payloadHash());
  }

  /**
   * A group's attributes (members aside) differ from those last sent, or the sync is forced: they
   * go out again; otherwise only the membership changes do.
   */
  static boolean attributesChanged(@Nullable ObjectSyncState state, GroupHash hash, boolean force) {
    return force || state == null || !hash.sameAttributes(state.payloadHash());
  }

  /**
   * A removal that finds the object deactivated on a target that deactivates: it was removed
   * before, nothing to send.
   */
  static boolean removedBefore(@Nullable ObjectSyncState state, boolean deactivates) {
    return deactivates && state != null && state.outcome() == SyncOutcome.DEACTIVATED;
  }

  /**
   * A full sync's clean-up removes the object: it is on the target, gone from the directory or the
   * scope ({@code present} false), and not removed before.
   */
  public static boolean removalCandidate(
      ProviderContext ctx, ObjectType type, @Nullable ObjectSyncState state, boolean present) {
    return removalCandidate(state, present, RemoteWriter.deactivates(ctx, type));
  }

  static boolean removalCandidate(
      @Nullable ObjectSyncState state, boolean present, boolean deactivates) {
    return onTarget(state) && !present && !removedBefore(state, deactivates);
  }
}
