package io.scimfleet.worker.pipeline;

import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.PayloadBuilder;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import java.util.List;

/**
 * Which members of a group to sync before the group: those in scope that the target does not know
 * yet (no remote id), users before child groups, each kind in the order of its ids, as the group's
 * sync resolved them ({@link PayloadBuilder.Members#notOnTarget}). {@link ObjectSync} syncs them,
 * each under its own lock and none while the group's is held, so the group then goes out with their
 * remote ids.
 */
final class MembersFirst {
  private final DirectoryStore directory;

  MembersFirst(DirectoryStore directory) {
    this.directory = directory;
  }

  List<PayloadBuilder.Member> of(ProviderContext ctx, PayloadBuilder.Members members) {
    return members.notOnTarget().stream()
        .filter(member -> inScope(ctx, member.type(), member.id()))
        .toList();
  }

  private boolean inScope(ProviderContext ctx, ObjectType type, String id) {
    if (type == ObjectType.USER) {
      return directory
          .user(id)
          .map(MappingInput::user)
          .filter(ctx.userScope()::includes)
          .isPresent();
    }
    return directory
        .group(id)
        .map(g -> MappingInput.group(g, List.of()))
        .filter(ctx.groupScope()::includes)
        .isPresent();
  }
}
