package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.mapping.GroupMember;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.PayloadBuilder;
import io.scimfleet.mapping.UserTarget;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps users and groups share: map and validate, skip the unchanged, dry run, remove, record.
 */
final class SyncSteps {
  private static final Logger log = LoggerFactory.getLogger(SyncSteps.class);

  private final Stores stores;
  private final RemoteWriter writer;
  private final PayloadBuilder payloads;
  private final Clock clock;
  private final DeletionGuard guard;

  SyncSteps(
      Stores stores,
      ScimSchemaValidator validator,
      RemoteWriter writer,
      DeletionGuard guard,
      Clock clock) {
    this.stores = stores;
    this.guard = guard;
    this.payloads = new PayloadBuilder(stores.directory(), stores.syncState(), validator);
    this.writer = writer;
    this.clock = clock;
  }

  /**
   * The SCIM resource the provider's mappings make of the input; invalid data (or data missing a
   * required attribute) never leaves.
   */
  ObjectNode payload(ProviderContext ctx, ObjectType type, MappingInput input) {
    return payloads.build(ctx.provider(), ctx.mappings(type), type, input).requireValid();
  }

  /**
   * The schema extensions the provider's target announces for users (a dry run does not ask: see
   * {@link PayloadBuilder#UNASKED}).
   */
  static Set<String> userExtensions(ProviderContext ctx) {
    return ctx.provider().dryRun()
        ? PayloadBuilder.UNASKED
        : RemoteWriter.capabilities(ctx).userSchemaExtensions();
  }

  /**
   * The user as its mappings see it for the provider's target: its manager's state is read, and a
   * manager without a remote id is left out ({@link ObjectSync} synced it first, where it could).
   */
  MappingInput userInput(ProviderContext ctx, DirectoryUser user) {
    return payloads.user(ctx.name(), userExtensions(ctx), user, PayloadBuilder.LEAVE_OUT);
  }

  /** The same with the manager's state already read ({@code manager}, null when none). */
  static MappingInput userInput(ProviderContext ctx, DirectoryUser user, ObjectSyncState manager) {
    return PayloadBuilder.user(userExtensions(ctx), user, manager, PayloadBuilder.LEAVE_OUT);
  }

  /** Users as mapping input for the provider's target, by id, in one read of their managers. */
  Map<String, MappingInput> userInputs(ProviderContext ctx, Collection<DirectoryUser> users) {
    return payloads.users(ctx.name(), userExtensions(ctx), users);
  }

  /**
   * True when the user names a manager that its input does not carry: the manager is not on the
   * target (yet), and the single path is to sync it first.
   */
  static boolean awaitsManager(DirectoryUser user, MappingInput input) {
    return UserTarget.managerId(user) != null && !input.json().containsKey("manager");
  }

  /** A group's members with their remote ids; {@code unsynced} decides about those without one. */
  List<GroupMember> members(ProviderContext ctx, String groupId, PayloadBuilder.Unsynced unsynced) {
    return payloads.members(ctx.name(), ctx.provider().nestedGroups(), groupId, unsynced);
  }

  /** The resource the mappings make of the input, not yet validated: see {@link #requireValid}. */
  ObjectNode mapped(ProviderContext ctx, ObjectType type, MappingInput input) {
    return ctx.mappings(type).map(input);
  }

  /**
   * Validates the payload (schema and the provider's required attributes) before it is sent, unless
   * its hash is the one last sent: that payload was valid then (a state's hash is recorded only
   * after a send), and the validation was a twentieth of a forced full sync's CPU per object.
   */
  void requireValid(
      ProviderContext ctx,
      ObjectType type,
      ObjectNode payload,
      String hash,
      ObjectSyncState state) {
    if (state == null || !hash.equals(state.payloadHash()))
      payloads.check(ctx.provider(), type, payload).requireValid();
  }

  static boolean unchanged(ObjectSyncState state, String hash, boolean force) {
    return !force && state != null && state.remoteId() != null && hash.equals(state.payloadHash());
  }

  static boolean hasRemote(ObjectSyncState state) {
    return state != null && state.remoteId() != null;
  }

  /**
   * Dry run: says what would be sent (the payload only at DEBUG: it holds personal data), sends
   * nothing, records nothing.
   */
  SyncOutcome dryRun(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      ObjectSyncState state,
      ObjectNode payload) {
    boolean update = hasRemote(state);
    String target = update ? "/" + type.endpoint() + "/" + state.remoteId() : "/" + type.endpoint();
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
      ObjectSyncState state,
      String capturedRemoteId) {
    String remoteId = hasRemote(state) ? state.remoteId() : capturedRemoteId;
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
    if (RemoteWriter.deactivates(ctx, type)
        && state != null
        && state.outcome() == SyncOutcome.DEACTIVATED) {
      return SyncOutcome.UNCHANGED;
    }
    if (!guard.allows(ctx, type, objectId, remoteId, !RemoteWriter.deactivates(ctx, type)))
      return SyncOutcome.SKIPPED;
    SyncOutcome outcome = writer.remove(ctx, type, remoteId, state);
    guard.sent(ctx, type, objectId);
    if (outcome == SyncOutcome.DELETED) {
      stores.syncState().delete(ctx.name(), type, objectId);
    } else if (outcome == SyncOutcome.DEACTIVATED) {
      Written deactivated = new Written(outcome, remoteId, null, List.of());
      List<String> paths = state == null ? List.of() : state.pathsSent();
      stores
          .syncState()
          .put(
              state(ctx, type, objectId, deactivated, "deactivated", paths, null),
              WriteFence.current());
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
      String passwordNote) {
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
