package io.scimfleet.scheduler.changes;

import io.scimfleet.model.Change;
import io.scimfleet.store.DirectoryStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a batch of membership and nesting changes reaches beyond the group it names: the groups it
 * is nested in (whose flattened membership changed), and the users and groups whose scope by group
 * may have changed. Each part is read from the directory only when a provider needs it.
 */
final class NestedEffects {
  private final DirectoryStore directory;
  private final Set<String> changedGroups = new LinkedHashSet<>();
  private final Set<String> addedOrRemovedUsers = new LinkedHashSet<>();
  private final Set<String> nestedOrUnnested = new LinkedHashSet<>();
  private @Nullable Set<String> enclosing;
  private @Nullable Set<String> scopeUsers;
  private @Nullable Set<String> scopeGroups;

  NestedEffects(DirectoryStore directory, List<Change> changes) {
    this.directory = directory;
    for (Change change : changes) {
      // a feed entry without its member (RedisChanges.decode) still changed its group
      String member = change.memberId();
      if (change.kind() == Change.Kind.MEMBERSHIP) {
        changedGroups.add(change.id());
        if (member != null) addedOrRemovedUsers.add(member);
      } else if (change.kind() == Change.Kind.MEMBER_GROUP) {
        changedGroups.add(change.id());
        if (member != null) nestedOrUnnested.add(member);
      }
    }
  }

  /**
   * The groups that the changed groups are nested in, at any depth: their flattened members
   * changed.
   */
  Set<String> enclosingGroups() {
    if (enclosing == null) {
      enclosing = changedGroups.isEmpty() ? Set.of() : directory.enclosingGroups(changedGroups);
    }
    return enclosing;
  }

  /** Users that joined or left a group, directly or with a whole (un)nested subtree. */
  Set<String> scopeUsers() {
    if (scopeUsers == null) {
      scopeUsers = new LinkedHashSet<>(addedOrRemovedUsers);
      if (!nestedOrUnnested.isEmpty()) scopeUsers.addAll(directory.members(scopeGroups()));
    }
    return scopeUsers;
  }

  /** Groups that were nested or un-nested, with every group nested in them. */
  Set<String> scopeGroups() {
    if (scopeGroups == null) {
      scopeGroups =
          nestedOrUnnested.isEmpty() ? Set.of() : directory.nestedGroups(nestedOrUnnested);
    }
    return scopeGroups;
  }
}
