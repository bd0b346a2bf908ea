package io.scimfleet.mapping;

import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.GroupGraph;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A provider's {@code scopeGroups} resolved against the directory: the groups in scope (the listed
 * ones and every group nested in them, each with the listed group it is reached through). The set
 * is recomputed when the directory's group graph version moves, so every check sees the latest
 * nesting at the cost of one read. Thread-safe.
 */
public final class ScopeGroups {
  private final DirectoryStore directory;
  private final List<String> roots;
  private volatile @Nullable Snapshot snapshot;

  private record Snapshot(long version, Map<String, String> via) {}

  /**
   * Why an object is in scope: through {@code group}, nested in (or equal to) the listed {@code
   * scopeGroup}.
   */
  public record Reason(String group, @Nullable String scopeGroup) {
    @Override
    public String toString() {
      return group.equals(scopeGroup)
          ? "scope group '" + scopeGroup + "'"
          : "group '" + group + "', nested in scope group '" + scopeGroup + "'";
    }
  }

  public ScopeGroups(DirectoryStore directory, List<String> roots) {
    this.directory = directory;
    this.roots = List.copyOf(roots);
  }

  /** The groups in scope, each mapped to the listed group it is reached through. */
  public Map<String, String> groups() {
    long version = directory.groupGraphVersion();
    Snapshot current = snapshot;
    if (current == null || current.version() != version) {
      current =
          new Snapshot(version, Map.copyOf(GroupGraph.reachedVia(roots, directory::memberGroups)));
      snapshot = current;
    }
    return current.via();
  }

  public Optional<Reason> group(String groupId) {
    String root = groups().get(groupId);
    return root == null ? Optional.empty() : Optional.of(new Reason(groupId, root));
  }

  /** A user with these (direct) groups is in scope when one of them is. */
  public Optional<Reason> user(Collection<String> directGroups) {
    Map<String, String> inScope = groups();
    return directGroups.stream()
        .sorted()
        .filter(inScope::containsKey)
        .findFirst()
        .map(group -> new Reason(group, inScope.get(group)));
  }

  public Optional<Reason> user(String userId) {
    return user(directory.groupsOf(userId));
  }

  /** For many users at once: one read of their groups. */
  public Map<String, Set<String>> groupsOf(Collection<String> userIds) {
    return directory.groupsOf(userIds);
  }
}
