package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.PayloadBuilder;
import io.scimfleet.mapping.UserTarget;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every payload the worker sends or compares, for a provider's context, built by the one {@link
 * PayloadBuilder}: the single, batch and Bulk paths of users and groups, and the drift check. A
 * payload is mapped ({@link #mapped}), its hash compared ({@link SyncDecision}), and checked
 * ({@link #requireValid}) only when it is to be sent and was not sent before.
 */
final class ProviderPayloads {
  private final PayloadBuilder builder;

  ProviderPayloads(PayloadBuilder builder) {
    this.builder = builder;
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
   * The user as its mappings see it for the provider's target, its manager's state already read
   * ({@code manager}, null when none): a manager without a remote id is left out ({@link
   * ObjectSync} synced it first, where it could).
   */
  static MappingInput user(
      ProviderContext ctx, DirectoryUser user, @Nullable ObjectSyncState manager) {
    return PayloadBuilder.user(userExtensions(ctx), user, manager);
  }

  /** Users as mapping input for the provider's target, by id, in one read of their managers. */
  Map<String, MappingInput> users(ProviderContext ctx, Collection<DirectoryUser> users) {
    return builder.users(ctx.name(), userExtensions(ctx), users);
  }

  /**
   * True when the user names a manager that its input does not carry: the manager is not on the
   * target (yet), and the single path is to sync it first.
   */
  static boolean awaitsManager(DirectoryUser user, MappingInput input) {
    return UserTarget.managerId(user) != null && !input.json().containsKey("manager");
  }

  /** A group's members for the provider: with their remote ids, and those not on the target yet. */
  PayloadBuilder.Members members(ProviderContext ctx, String groupId) {
    return builder.members(ctx.name(), ctx.provider().nestedGroups(), groupId);
  }

  /** A group as mapping input, with its members already resolved. */
  static MappingInput group(DirectoryGroup group, PayloadBuilder.Members members) {
    return PayloadBuilder.group(group, members);
  }

  /** The resource the mappings make of the input, not yet checked: see {@link #requireValid}. */
  ObjectNode mapped(ProviderContext ctx, ObjectType type, MappingInput input) {
    return builder.map(ctx.mappings(type), input);
  }

  /**
   * The SCIM resource the provider's mappings make of the input, checked at once: invalid data (or
   * data missing a required attribute) never leaves.
   */
  ObjectNode checked(ProviderContext ctx, ObjectType type, MappingInput input) {
    return builder.build(ctx.provider(), ctx.mappings(type), type, input).requireValid();
  }

  /**
   * Checks the payload (schema and the provider's required attributes) before it is sent, unless
   * its hash is the one last sent: that payload was valid then ({@link SyncDecision#sentBefore}),
   * and the check was a twentieth of a forced full sync's CPU per object.
   */
  void requireValid(
      ProviderContext ctx,
      ObjectType type,
      ObjectNode payload,
      String hash,
      @Nullable ObjectSyncState state) {
    if (!SyncDecision.sentBefore(state, hash))
      builder.check(ctx.provider(), type, payload).requireValid();
  }
}
