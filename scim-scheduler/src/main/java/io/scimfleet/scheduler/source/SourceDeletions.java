package io.scimfleet.scheduler.source;

import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The source-side deletion guard, the one place that decides whether a source's vanished objects
 * are deleted from the fleet's directory or held: more than {@code maxDeletePercent} of the objects
 * the source owns are held (a mistyped filter, an emptied base), fewer are deleted. Held deletions
 * are sent by {@link #release} or dropped by {@link #discard}.
 */
public final class SourceDeletions {
  private final DirectoryStore directory;
  private final SourceStore store;

  public SourceDeletions(DirectoryStore directory, SourceStore store) {
    this.directory = directory;
    this.store = store;
  }

  /**
   * Deletes or holds the owned objects missing from {@code users} and {@code groups}; true when it
   * deleted something.
   */
  boolean settle(Source source, Set<String> users, Set<String> groups) {
    Map<String, String> goneUsers = gone(source.name(), ObjectType.USER, users);
    Map<String, String> goneGroups = gone(source.name(), ObjectType.GROUP, groups);
    long owned =
        (long) store.owned(source.name(), ObjectType.USER).size()
            + store.owned(source.name(), ObjectType.GROUP).size();
    if (holds(source, (long) goneUsers.size() + goneGroups.size(), owned)) {
      store.hold(source.name(), ObjectType.USER, goneUsers);
      store.hold(source.name(), ObjectType.GROUP, goneGroups);
      return false;
    }
    store.hold(source.name(), ObjectType.USER, Map.of());
    store.hold(source.name(), ObjectType.GROUP, Map.of());
    delete(source.name(), goneGroups.keySet(), goneUsers.keySet());
    return !goneUsers.isEmpty() || !goneGroups.isEmpty();
  }

  /**
   * Whether a read finding {@code users} and {@code groups} would hold its deletions, given what
   * the source owned before it: asked before the read's writes, so that held objects keep their
   * memberships.
   */
  boolean wouldHold(
      Source source,
      Map<String, String> ownedUsers,
      Map<String, String> ownedGroups,
      Set<String> users,
      Set<String> groups) {
    long gone =
        ownedUsers.keySet().stream().filter(id -> !users.contains(id)).count()
            + ownedGroups.keySet().stream().filter(id -> !groups.contains(id)).count();
    long added =
        users.stream().filter(id -> !ownedUsers.containsKey(id)).count()
            + groups.stream().filter(id -> !ownedGroups.containsKey(id)).count();
    return holds(source, gone, (long) ownedUsers.size() + ownedGroups.size() + added);
  }

  /** The rule: more than maxDeletePercent of the source's objects. */
  private static boolean holds(Source source, long gone, long owned) {
    return gone > 0 && gone * 100 > (long) source.maxDeletePercent() * owned;
  }

  /** Holds every object of a source that is being removed; returns how many. */
  public long holdAll(String source) {
    long held = 0;
    for (ObjectType type : ObjectType.values()) {
      Map<String, String> owned = store.owned(source, type);
      store.hold(source, type, owned);
      held += owned.size();
    }
    return held;
  }

  /** Deletes the held objects from the directory; returns how many. */
  public long release(String source) {
    Map<String, String> groups = store.held(source, ObjectType.GROUP);
    Map<String, String> users = store.held(source, ObjectType.USER);
    delete(source, groups.keySet(), users.keySet());
    store.hold(source, ObjectType.USER, Map.of());
    store.hold(source, ObjectType.GROUP, Map.of());
    return (long) groups.size() + users.size();
  }

  /**
   * Drops the held deletions; the objects stay. When the source is gone they stay as objects of no
   * source, which the REST API may change again.
   */
  public long discard(String source, boolean sourceRemoved) {
    long count = 0;
    for (ObjectType type : ObjectType.values()) {
      Map<String, String> held = store.held(source, type);
      if (sourceRemoved) store.disown(source, type, held.keySet());
      store.hold(source, type, Map.of());
      count += held.size();
    }
    return count;
  }

  public long heldCount(String source) {
    return (long) store.held(source, ObjectType.USER).size()
        + store.held(source, ObjectType.GROUP).size();
  }

  private Map<String, String> gone(String source, ObjectType type, Set<String> present) {
    Map<String, String> gone = new HashMap<>(store.owned(source, type));
    gone.keySet().removeAll(present);
    return gone;
  }

  private void delete(String source, Collection<String> groups, Collection<String> users) {
    groups.forEach(directory::deleteGroup);
    store.disown(source, ObjectType.GROUP, groups);
    users.forEach(directory::deleteUser);
    store.disown(source, ObjectType.USER, users);
  }
}
