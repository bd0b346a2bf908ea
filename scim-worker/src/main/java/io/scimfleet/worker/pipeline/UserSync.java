package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.error.FleetException;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.store.Stores;
import java.util.Optional;

/** A user's sync, from its latest directory state. */
final class UserSync {
  private final Stores stores;
  private final SyncSteps steps;

  UserSync(Stores stores, SyncSteps steps) {
    this.stores = stores;
    this.steps = steps;
  }

  /**
   * True when this user, as read, maps to the payload last sent: nothing to do (and nothing to
   * validate: that payload was valid when it was sent). Any doubt: false.
   */
  boolean unchanged(ProviderContext ctx, DirectoryUser user, ObjectSyncState state) {
    if (user == null || !SyncSteps.hasRemote(state) || state.outcome() == SyncOutcome.FAILED) return false;
    try {
      MappingInput input = MappingInput.user(user);
      return ctx.userScope().includes(input)
          && SyncSteps.unchanged(state, PayloadHash.of(steps.mapped(ctx, ObjectType.USER, input)), false);
    } catch (FleetException invalid) {
      return false; // the full path records why
    }
  }

  SyncOutcome sync(ProviderContext ctx, String userId, ObjectSyncState state, String capturedRemoteId, boolean force) {
    Optional<MappingInput> input = stores.directory().user(userId).map(MappingInput::user)
        .filter(ctx.userScope()::includes);
    if (input.isEmpty()) return steps.remove(ctx, ObjectType.USER, userId, state, capturedRemoteId);
    ObjectNode payload = steps.mapped(ctx, ObjectType.USER, input.get());
    String hash = PayloadHash.of(payload);
    if (SyncSteps.unchanged(state, hash, force)) return SyncOutcome.UNCHANGED;
    steps.requireValid(ObjectType.USER, payload, hash, state);
    if (ctx.provider().dryRun()) return steps.dryRun(ctx, ObjectType.USER, userId, state, payload);
    Written written = SyncSteps.hasRemote(state)
        ? steps.writer.update(ctx, ObjectType.USER, state.remoteId(), state.version(), payload, state.pathsSent(), true)
        : steps.writer.createOrLink(ctx, ObjectType.USER, payload);
    steps.record(ctx, ObjectType.USER, userId, written, hash, RemoteWriter.paths(payload));
    return written.outcome();
  }
}
