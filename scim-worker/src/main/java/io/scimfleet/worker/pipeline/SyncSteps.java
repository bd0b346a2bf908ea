package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps users and groups share after their payloads are built ({@link ProviderPayloads}) and
 * decided on ({@link SyncDecision}): dry run, remove, record.
 */
final class SyncSteps {
  private static final Logger log = LoggerFactory.getLogger(SyncSteps.class);

  private final Stores stores;
  private final RemoteWriter writer;
  private final Clock clock;
  private final DeletionGuard guard;

  SyncSteps(Stores stores, RemoteWriter writer, DeletionGuard guard, Clock clock) {
    this.stores = stores;
    this.guard = guard;
    this.writer = writer;
    this.clock = clock;
  }

  /**
   * Stores the object's state, fenced by the lock this thread holds ({@link WriteFence}); the
   * attempt open on this thread notes the remote id it links ({@link AttemptLog#linked}).
   */
  void record(ObjectSyncState state) {
    stores.syncState().put(state, WriteFence.current());
    AttemptLog.linked(state.remoteId());
  }

  /**
   * Dry run: says what would be sent (the payload only at DEBUG: it holds personal data), sends
   * nothing, records nothing.
   */
  SyncOutcome dryRun(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      @Nullable ObjectSyncState state,
      ObjectNode payload) {
    String remoteId = SyncDecision.remoteId(state);
    boolean update = remoteId != null;
    String target = update ? "/" + type.endpoint() + "/" + remoteId : "/" + type.endpoint();
    log.info(
        "dry run {}: would {} {} for {} {}",
        ctx.name(),
        update ? "update" : "POST",
        target,
        type.label(),
        objectId);
    log.debug("dry run {}: payload for {} {}: {}", ctx.name(), type.label(), objectId, payload);
    return update ? SyncOutcome.UPDATED : SyncOutcome.CREATED;
  }

  /**
   * The object left the directory or the scope: remove what the fleet put on the target, if
   * anything, unless the deletion guard holds the removal (then: skipped, and nothing is sent).
   */
  SyncOutcome remove(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      @Nullable ObjectSyncState state,
      @Nullable String capturedRemoteId) {
    String known = SyncDecision.remoteId(state);
    String remoteId = known != null ? known : capturedRemoteId;
    if (remoteId == null) return SyncOutcome.SKIPPED;
    if (ctx.provider().dryRun()) {
      log.info(
          "dry run {}: would remove {} {} (remote {})",
          ctx.name(),
          type.label(),
          objectId,
          remoteId);
      return SyncOutcome.DELETED;
    }
    if (SyncDecision.removedBefore(state, RemoteWriter.deactivates(ctx, type)))
      return SyncOutcome.UNCHANGED;
    if (!guard.allows(ctx, type, objectId, remoteId, !RemoteWriter.deactivates(ctx, type)))
      return SyncOutcome.SKIPPED;
    SyncOutcome outcome = writer.remove(ctx, type, remoteId, state);
    guard.sent(ctx, type, objectId);
    if (outcome == SyncOutcome.DELETED) {
      stores.syncState().delete(ctx.name(), type, objectId);
      AttemptLog.linked(null);
    } else if (outcome == SyncOutcome.DEACTIVATED) {
      Written deactivated = new Written(outcome, remoteId, null, List.of());
      List<String> paths = state == null ? List.of() : state.pathsSent();
      record(state(ctx, type, objectId, deactivated, "deactivated", paths, null));
    }
    return outcome;
  }

  /**
   * The object's state after {@code written}, for the caller to store (alone, or many at once).
   *
   * @param paths the top-level attributes the payload sent (members aside), to remove those a later
   *     payload drops
   * @param passwordNote the user's password note; null for a group
   */
  ObjectSyncState state(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      Written written,
      String hash,
      List<String> paths,
      @Nullable String passwordNote) {
    return ObjectSyncState.builder(ctx.name(), type, objectId)
        .remoteId(written.remoteId())
        .version(written.version())
        .payloadHash(hash)
        .membersSent(written.membersSent())
        .time(clock.instant())
        .outcome(written.outcome())
        .pathsSent(paths)
        .password(passwordNote)
        .build();
  }
}
