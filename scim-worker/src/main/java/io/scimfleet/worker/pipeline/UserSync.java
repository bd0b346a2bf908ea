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
  private final RemoteWriter writer;

  UserSync(Stores stores, SyncSteps steps, RemoteWriter writer) {
    this.stores = stores;
    this.steps = steps;
    this.writer = writer;
  }

  /** True when this user, as read, maps to the payload last sent: nothing to do. Any doubt: false. */
  boolean unchanged(ProviderContext ctx, DirectoryUser user, ObjectSyncState state) {
    if (user == null || !SyncSteps.hasRemote(state) || state.outcome() == SyncOutcome.FAILED) return false;
    try {
      MappingInput input = MappingInput.user(user);
      return ctx.userScope().includes(input)
          && SyncSteps.unchanged(state, PayloadHash.of(steps.payload(ctx, ObjectType.USER, input)), false);
    } catch (FleetException invalid) {
      return false; // the full path records why
    }
  }

  SyncOutcome sync(ProviderContext ctx, String userId, ObjectSyncState state, String capturedRemoteId, boolean force) {
    Optional<MappingInput> input = stores.directory().user(userId).map(MappingInput::user)
        .filter(ctx.userScope()::includes);
    if (input.isEmpty()) return steps.remove(ctx, ObjectType.USER, userId, state, capturedRemoteId);
    ObjectNode payload = steps.payload(ctx, ObjectType.USER, input.get());
    String hash = PayloadHash.of(payload);
    if (SyncSteps.unchanged(state, hash, force)) return SyncOutcome.UNCHANGED;
    if (ctx.provider().dryRun()) return steps.dryRun(ctx, ObjectType.USER, userId, state, payload);
    Written written = SyncSteps.hasRemote(state)
        ? writer.update(ctx, ObjectType.USER, state.remoteId(), state.version(), payload, state.pathsSent(), true)
        : writer.createOrLink(ctx, ObjectType.USER, payload);
    steps.record(ctx, ObjectType.USER, userId, written, hash, RemoteWriter.paths(payload));
    return written.outcome();
  }
}
