package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.error.FleetException;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.UserTarget;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.store.PasswordStore;
import io.scimfleet.store.Stores;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A user's sync, from its latest directory state, with the user's new password when one waits for
 * this provider (see {@link PasswordDelivery}).
 */
final class UserSync {
  private final Stores stores;
  private final SyncSteps steps;
  private final ProviderPayloads payloads;
  private final RemoteWriter writer;
  private final PasswordDelivery passwords;

  /**
   * What a user's sync reads of the stores under its lock, once: the user (empty when it left the
   * directory) and its manager's state (null when it names none, or the manager has none).
   */
  record Read(Optional<DirectoryUser> user, @Nullable ObjectSyncState manager)
      implements ObjectSync.Read {}

  UserSync(
      Stores stores,
      SyncSteps steps,
      ProviderPayloads payloads,
      RemoteWriter writer,
      PasswordDelivery passwords) {
    this.stores = stores;
    this.steps = steps;
    this.payloads = payloads;
    this.writer = writer;
    this.passwords = passwords;
  }

  /** Reads the user, and its manager's state when it names one. */
  Read read(ProviderContext ctx, String userId) {
    Optional<DirectoryUser> user = stores.directory().user(userId);
    String managerId = user.map(UserTarget::managerId).orElse(null);
    ObjectSyncState manager =
        managerId == null
            ? null
            : stores.syncState().get(ctx.name(), ObjectType.USER, managerId).orElse(null);
    return new Read(user, manager);
  }

  /**
   * True when this user, as read, maps to the payload last sent: nothing to do (and nothing to
   * validate: that payload was valid when it was sent). Any doubt, or a manager not on the target
   * (to sync first): false.
   *
   * @param manager the state of the user's manager, null when none
   */
  boolean unchanged(
      ProviderContext ctx,
      @Nullable DirectoryUser user,
      @Nullable ObjectSyncState state,
      @Nullable ObjectSyncState manager) {
    if (user == null || !SyncDecision.mayBeUnchangedUnlocked(state)) return false;
    try {
      if (!ctx.userScope().includes(MappingInput.user(user))) return false;
      MappingInput input = ProviderPayloads.user(ctx, user, manager);
      if (ProviderPayloads.awaitsManager(user, input)) return false;
      String hash = PayloadHash.of(payloads.mapped(ctx, ObjectType.USER, input));
      return SyncDecision.of(state, hash, false) == SyncDecision.Action.UNCHANGED;
    } catch (FleetException invalid) {
      return false; // the full path records why
    }
  }

  /**
   * Brings the user, as {@code read} under its lock, to the target.
   *
   * @param state its sync state, read under the same lock; null when none
   */
  SyncOutcome sync(
      ProviderContext ctx,
      String userId,
      @Nullable ObjectSyncState state,
      Read read,
      @Nullable String capturedRemoteId,
      boolean force) {
    Optional<MappingInput> input =
        read.user()
            .filter(user -> ctx.userScope().includes(MappingInput.user(user)))
            .map(user -> ProviderPayloads.user(ctx, user, read.manager()));
    if (input.isEmpty()) return steps.remove(ctx, ObjectType.USER, userId, state, capturedRemoteId);
    ObjectNode payload = payloads.mapped(ctx, ObjectType.USER, input.get());
    String hash = PayloadHash.of(payload);
    SyncDecision.Action action = SyncDecision.of(state, hash, force);
    boolean unchanged = action == SyncDecision.Action.UNCHANGED;
    Optional<PasswordStore.Pending> password = passwords.pending(ctx, userId);
    if (unchanged && password.isEmpty()) return SyncOutcome.UNCHANGED;
    payloads.requireValid(ctx, ObjectType.USER, payload, hash, state);
    if (ctx.provider().dryRun()) return steps.dryRun(ctx, ObjectType.USER, userId, state, payload);
    if (password.isPresent() && !PasswordDelivery.targetAccepts(ctx)) {
      return refusePassword(ctx, userId, state, password.get(), unchanged, payload, hash);
    }
    if (password.isEmpty())
      return write(ctx, userId, state, payload, hash, state == null ? null : state.password());
    return withPassword(
        ctx, userId, state, payload, hash, unchanged, passwords.open(userId, password.get()));
  }

  private SyncOutcome write(
      ProviderContext ctx,
      String userId,
      @Nullable ObjectSyncState state,
      ObjectNode payload,
      String hash,
      @Nullable String passwordNote) {
    Written written =
        state != null && SyncDecision.onTarget(state)
            ? update(ctx, state, payload)
            : writer.createOrLink(ctx, ObjectType.USER, userId, payload);
    record(ctx, userId, written, hash, payload, passwordNote);
    return written.outcome();
  }

  private void record(
      ProviderContext ctx,
      String userId,
      Written written,
      String hash,
      ObjectNode payload,
      @Nullable String passwordNote) {
    steps.record(
        steps.state(
            ctx,
            ObjectType.USER,
            userId,
            written,
            hash,
            RemoteWriter.paths(payload),
            passwordNote));
  }

  /** Updates the user known to the target, from the version and paths last sent. */
  private Written update(ProviderContext ctx, ObjectSyncState state, ObjectNode payload) {
    return writer.update(
        ctx,
        ObjectType.USER,
        state.objectId(),
        SyncDecision.remoteIdOnTarget(state),
        state.version(),
        payload,
        state.pathsSent(),
        true);
  }

  /**
   * The target takes no passwords: recorded for the object, nothing sent, and this provider is done
   * with it.
   */
  private SyncOutcome refusePassword(
      ProviderContext ctx,
      String userId,
      @Nullable ObjectSyncState state,
      PasswordStore.Pending password,
      boolean unchanged,
      ObjectNode payload,
      String hash) {
    SyncOutcome outcome;
    if (unchanged) {
      ObjectSyncState known = Objects.requireNonNull(state, "an unchanged user has a state");
      steps.record(known.withPassword(PasswordDelivery.NOT_SUPPORTED));
      outcome = SyncOutcome.UNCHANGED;
    } else {
      outcome = write(ctx, userId, state, payload, hash, PasswordDelivery.NOT_SUPPORTED);
    }
    passwords.done(ctx, userId, password.changeId());
    return outcome;
  }

  /**
   * New to the target: the password goes in the create. Known: the update (when changed), then the
   * password.
   */
  private SyncOutcome withPassword(
      ProviderContext ctx,
      String userId,
      @Nullable ObjectSyncState state,
      ObjectNode payload,
      String hash,
      boolean unchanged,
      PasswordDelivery.Waiting password) {
    Written written;
    if (state == null || !SyncDecision.onTarget(state)) {
      written =
          PasswordDelivery.scrubbed(
              () ->
                  writer.createOrLink(
                      ctx,
                      ObjectType.USER,
                      userId,
                      PasswordDelivery.withPassword(payload, password)));
    } else {
      written =
          unchanged
              ? new Written(
                  SyncOutcome.UPDATED,
                  SyncDecision.remoteIdOnTarget(state),
                  state.version(),
                  List.of())
              : update(ctx, state, payload);
      String remoteId =
          Objects.requireNonNull(written.remoteId(), "the target answered without an id");
      String version =
          passwords
              .send(ctx, remoteId, written.version(), payload, password)
              .orElse(written.version());
      written = new Written(written.outcome(), written.remoteId(), version, written.membersSent());
    }
    record(ctx, userId, written, hash, payload, PasswordDelivery.DELIVERED);
    passwords.done(ctx, userId, password.changeId());
    return written.outcome();
  }
}
