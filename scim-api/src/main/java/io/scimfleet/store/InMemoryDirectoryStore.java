package io.scimfleet.store;

import io.scimfleet.model.Change;
import io.scimfleet.model.Change.Operation;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The directory in memory. One monitor guards everything, so that each write, with its change
 * appended to the feed, is atomic; reads copy what they return.
 */
public final class InMemoryDirectoryStore implements DirectoryStore {
  private final ChangeFeed feed;
  private final NavigableMap<String, DirectoryUser> users = new TreeMap<>();
  private final NavigableMap<String, DirectoryGroup> groups = new TreeMap<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private final Map<String, Set<String>> groupsOf = new HashMap<>();
  private long version;

  public InMemoryDirectoryStore(ChangeFeed feed) {
    this.feed = feed;
  }

  @Override
  public synchronized void putUser(DirectoryUser user) {
    users.put(user.id(), user);
    written(Change.user(user.id(), Operation.UPSERT));
  }

  @Override
  public synchronized Optional<DirectoryUser> user(String id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public synchronized List<DirectoryUser> users(Collection<String> ids) {
    return ids.stream().map(users::get).filter(Objects::nonNull).toList();
  }

  @Override
  public synchronized boolean deleteUser(String id) {
    if (users.remove(id) == null) return false;
    Set<String> groupIds = groupsOf.getOrDefault(id, Set.of());
    groupIds.forEach(group -> {
      members.get(group).remove(id);
      feed.append(Change.membership(group, id, Operation.DELETE));
    });
    groupsOf.remove(id);
    written(Change.user(id, Operation.DELETE));
    return true;
  }

  @Override
  public synchronized void putGroup(DirectoryGroup group, Collection<String> memberIds) {
    if (memberIds != null) {
      Set<String> wanted = new LinkedHashSet<>(memberIds);
      List<String> missing = wanted.stream().filter(id -> !users.containsKey(id)).toList();
      if (!missing.isEmpty()) throw new UnknownMemberException("user", missing);
      members(group.id()).forEach(user -> groupsOf.get(user).remove(group.id()));
      wanted.forEach(user -> groupsOf.computeIfAbsent(user, k -> new TreeSet<>()).add(group.id()));
      members.put(group.id(), new TreeSet<>(wanted));
    }
    groups.put(group.id(), group);
    written(Change.group(group.id(), Operation.UPSERT));
  }

  @Override
  public synchronized Optional<DirectoryGroup> group(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  @Override
  public synchronized List<DirectoryGroup> groups(Collection<String> ids) {
    return ids.stream().map(groups::get).filter(Objects::nonNull).toList();
  }

  @Override
  public synchronized boolean deleteGroup(String id) {
    if (groups.remove(id) == null) return false;
    members.getOrDefault(id, Set.of()).forEach(user -> groupsOf.get(user).remove(id));
    members.remove(id);
    written(Change.group(id, Operation.DELETE));
    return true;
  }

  @Override
  public synchronized boolean addMember(String groupId, String userId) {
    if (!groups.containsKey(groupId)) throw new UnknownMemberException("group", List.of(groupId));
    if (!users.containsKey(userId)) throw new UnknownMemberException("user", List.of(userId));
    if (!members.computeIfAbsent(groupId, k -> new TreeSet<>()).add(userId)) return false;
    groupsOf.computeIfAbsent(userId, k -> new TreeSet<>()).add(groupId);
    written(Change.membership(groupId, userId, Operation.UPSERT));
    return true;
  }

  @Override
  public synchronized boolean removeMember(String groupId, String userId) {
    if (!members.getOrDefault(groupId, new TreeSet<>()).remove(userId)) return false;
    groupsOf.get(userId).remove(groupId);
    written(Change.membership(groupId, userId, Operation.DELETE));
    return true;
  }

  @Override
  public synchronized Set<String> members(String groupId) {
    return Set.copyOf(members.getOrDefault(groupId, Set.of()));
  }

  @Override
  public synchronized Set<String> groupsOf(String userId) {
    return Set.copyOf(groupsOf.getOrDefault(userId, Set.of()));
  }

  @Override
  public synchronized Page<String> userIds(String cursor, int limit) {
    return page(users, cursor, limit);
  }

  @Override
  public synchronized Page<String> groupIds(String cursor, int limit) {
    return page(groups, cursor, limit);
  }

  @Override
  public synchronized long userCount() {
    return users.size();
  }

  @Override
  public synchronized long groupCount() {
    return groups.size();
  }

  @Override
  public synchronized long version() {
    return version;
  }

  private void written(Change change) {
    feed.append(change);
    version++;
  }

  /** Ids after {@code cursor}, ordered by id; a cursor id deleted meanwhile still works. */
  static Page<String> page(NavigableMap<String, ?> map, String cursor, int limit) {
    if (limit <= 0) throw new IllegalArgumentException("limit must be positive: " + limit);
    NavigableMap<String, ?> after = cursor == null ? map : map.tailMap(cursor, false);
    List<String> ids = after.keySet().stream().limit(limit + 1L).toList();
    if (ids.size() <= limit) return new Page<>(ids, null);
    return new Page<>(ids.subList(0, limit), ids.get(limit - 1));
  }
}
