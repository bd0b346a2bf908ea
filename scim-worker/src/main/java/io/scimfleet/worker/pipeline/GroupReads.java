package io.scimfleet.worker.pipeline;

import io.scimfleet.model.ObjectType;
import java.util.List;

/**
 * What reads of the target leave out: groups without their members when the target's {@code
 * /Groups} does not return them ({@code groupsReturnMembers: false}); the members read there are
 * not to be trusted.
 */
final class GroupReads {
  private static final List<String> MEMBERS = List.of("members");

  private GroupReads() {}

  static List<String> excluded(ProviderContext ctx, ObjectType type) {
    return type == ObjectType.GROUP && !ctx.provider().switches().groupsReturnMembers()
        ? MEMBERS
        : List.of();
  }
}
