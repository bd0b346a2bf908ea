package io.scimfleet.worker.pipeline;

import io.scimfleet.mapping.MappingInput;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Which members of a group to sync before the group: those in scope that the target does not know
 * yet (no remote id), users before child groups, each kind in the order of its ids. {@link
 * ObjectSync} syncs them, each under its own lock and none while the group's is held, so the group
 * then goes out with their remote ids.
 */
final class MembersFirst {
  private final DirectoryStore directory;
  private final SyncSteps steps;

  /** A member to sync first. */
  record Member(ObjectType type, String id) {}

  MembersFirst(DirectoryStore directory, SyncSteps steps) {
    this.directory = directory;
    this.steps = steps;
  }

  List<Member> of(ProviderContext ctx, String groupId) {
    List<Member> first = new ArrayList<>();
    steps.members(
        ctx,
        groupId,
        (type, id) -> {
          if (inScope(ctx, type, id)) first.add(new Member(type, id));
          return null;
        });
    return first;
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
