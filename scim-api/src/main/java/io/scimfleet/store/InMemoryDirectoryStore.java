package io.scimfleet.store;

import io.scimfleet.model.Change;
import io.scimfleet.model.Change.Operation;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectTimes;
import io.scimfleet.model.ObjectType;
import java.time.Clock;
import java.time.Instant;
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
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

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
  private final Map<String, Set<String>> children = new HashMap<>();
  private final Map<String, Set<String>> parents = new HashMap<>();
  private final Map<String, String> userIdByUsername = new HashMap<>();
  private final Map<String, ObjectTimes> userTimes = new HashMap<>();
  private final Map<String, ObjectTimes> groupTimes = new HashMap<>();
  private final Clock clock;
  private long version;
  private long graphVersion;

  public InMemoryDirectoryStore(ChangeFeed feed) {
    this(feed, Clock.systemUTC());
  }

  public InMemoryDirectoryStore(ChangeFeed feed, Clock clock) {
    this.feed = feed;
    this.clock = clock;
  }

  @Override
  public synchronized void putUser(DirectoryUser user) {
    DirectoryUser previous = users.put(user.id(), user);
    if (previous != null) unindex(previous);
    userIdByUsername.put(DirectoryStore.usernameKey(user.username()), user.id());
    touch(userTimes, user.id());
    written(Change.user(user.id(), Operation.UPSERT));
  }

  @Override
  public synchronized void putUniqueUser(DirectoryUser user) {
    String holder = userIdByUsername.get(DirectoryStore.usernameKey(user.username()));
    if (holder != null && !holder.equals(user.id()))
      throw new UsernameTakenException(user.username(), holder);
    putUser(user);
  }

  @Override
  public synchronized Optional<DirectoryUser> userByUsername(String username) {
    return Optional.ofNullable(userIdByUsername.get(DirectoryStore.usernameKey(username)))
        .map(users::get);
  }

  @Override
  public synchronized Optional<ObjectTimes> times(ObjectType type, String id) {
    return Optional.ofNullable((type == ObjectType.USER ? userTimes : groupTimes).get(id));
  }

  private void unindex(DirectoryUser user) {
    userIdByUsername.remove(DirectoryStore.usernameKey(user.username()), user.id());
  }

  /** Records a write of the object now: its first write sets when it was created. */
  private void touch(Map<String, ObjectTimes> times, String id) {
    Instant now = Instant.ofEpochMilli(clock.millis());
    ObjectTimes before = times.get(id);
    times.put(id, new ObjectTimes(before == null ? now : before.created(), now));
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
  public synchronized Set<String> present(ObjectType type, Collection<String> ids) {
    Map<String, ?> held = type == ObjectType.USER ? users : groups;
    return ids.stream().filter(held::containsKey).collect(Collectors.toSet());
  }

  @Override
  public synchronized boolean deleteUser(String id) {
    DirectoryUser removed = users.remove(id);
    if (removed == null) return false;
    unindex(removed);
    userTimes.remove(id);
    Set<String> groupIds = groupsOf.getOrDefault(id, Set.of());
    groupIds.forEach(
        group -> {
          Objects.requireNonNull(members.get(group)).remove(id);
          touch(groupTimes, group);
          feed.append(Change.membership(group, id, Operation.DELETE));
        });
    groupsOf.remove(id);
    written(Change.user(id, Operation.DELETE));
    return true;
  }

  @Override
  public synchronized void putGroup(
      DirectoryGroup group,
      @Nullable Collection<String> memberIds,
      @Nullable Collection<String> memberGroupIds) {
    Set<String> wanted = memberIds == null ? null : new LinkedHashSet<>(memberIds);
    Set<String> wantedChildren =
        memberGroupIds == null ? null : new LinkedHashSet<>(memberGroupIds);
    if (wanted != null) {
      List<String> missing = wanted.stream().filter(id -> !users.containsKey(id)).toList();
      if (!missing.isEmpty()) throw new UnknownMemberException("user", missing);
    }
    if (wantedChildren != null) requireNestable(group.id(), wantedChildren);
    groups.put(group.id(), group);
    touch(groupTimes, group.id());
    written(Change.group(group.id(), Operation.UPSERT));
    if (wanted != null) replaceMembers(group.id(), wanted);
    if (wantedChildren != null) replaceChildren(group.id(), wantedChildren);
  }

  private void requireNestable(String groupId, Set<String> wantedChildren) {
    List<String> missing =
        wantedChildren.stream()
            .filter(id -> !groups.containsKey(id) && !id.equals(groupId))
            .toList();
    if (!missing.isEmpty()) throw new UnknownMemberException("group", missing);
    for (String child : wantedChildren) {
      GroupGraph.cycle(groupId, child, ids -> copies(children, ids))
          .ifPresent(
              path -> {
                throw new GroupCycleException(path);
              });
    }
  }

  private void replaceMembers(String groupId, Set<String> wanted) {
    Set<String> current = members(groupId);
    current.stream()
        .filter(user -> !wanted.contains(user))
        .forEach(user -> unlinkMember(groupId, user));
    wanted.stream()
        .filter(user -> !current.contains(user))
        .forEach(user -> linkMember(groupId, user));
  }

  private void replaceChildren(String groupId, Set<String> wanted) {
    Set<String> current = childrenOf(groupId);
    current.stream()
        .filter(child -> !wanted.contains(child))
        .forEach(child -> unlinkChild(groupId, child));
    wanted.stream()
        .filter(child -> !current.contains(child))
        .forEach(child -> linkChild(groupId, child));
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
    if (!groups.containsKey(id)) return false;
    members(id).forEach(user -> unlinkMember(id, user));
    childrenOf(id).forEach(child -> unlinkChild(id, child));
    Set.copyOf(parents.getOrDefault(id, Set.of())).forEach(parent -> unlinkChild(parent, id));
    groups.remove(id);
    groupTimes.remove(id);
    written(Change.group(id, Operation.DELETE));
    return true;
  }

  @Override
  public synchronized boolean addMember(String groupId, String userId) {
    if (!groups.containsKey(groupId)) throw new UnknownMemberException("group", List.of(groupId));
    if (!users.containsKey(userId)) throw new UnknownMemberException("user", List.of(userId));
    if (members(groupId).contains(userId)) return false;
    linkMember(groupId, userId);
    version++;
    return true;
  }

  @Override
  public synchronized boolean removeMember(String groupId, String userId) {
    if (!members(groupId).contains(userId)) return false;
    unlinkMember(groupId, userId);
    version++;
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
  public synchronized Map<String, Set<String>> groupsOf(Collection<String> userIds) {
    return copies(groupsOf, userIds);
  }

  @Override
  public synchronized boolean addMemberGroup(String groupId, String childId) {
    List<String> missing =
        List.of(groupId, childId).stream()
            .filter(id -> !groups.containsKey(id))
            .distinct()
            .toList();
    if (!missing.isEmpty()) throw new UnknownMemberException("group", missing);
    if (childrenOf(groupId).contains(childId)) return false;
    GroupGraph.cycle(groupId, childId, ids -> copies(children, ids))
        .ifPresent(
            path -> {
              throw new GroupCycleException(path);
            });
    linkChild(groupId, childId);
    version++;
    return true;
  }

  @Override
  public synchronized boolean removeMemberGroup(String groupId, String childId) {
    if (!childrenOf(groupId).contains(childId)) return false;
    unlinkChild(groupId, childId);
    version++;
    return true;
  }

  @Override
  public synchronized Map<String, Set<String>> memberGroups(Collection<String> groupIds) {
    return copies(children, groupIds);
  }

  @Override
  public synchronized Map<String, Set<String>> parentGroups(Collection<String> groupIds) {
    return copies(parents, groupIds);
  }

  @Override
  public synchronized Set<String> members(Collection<String> groupIds) {
    Set<String> union = new TreeSet<>();
    groupIds.forEach(id -> union.addAll(members.getOrDefault(id, Set.of())));
    return union;
  }

  @Override
  public synchronized long groupGraphVersion() {
    return graphVersion;
  }

  private void linkMember(String groupId, String userId) {
    touch(groupTimes, groupId);
    members.computeIfAbsent(groupId, k -> new TreeSet<>()).add(userId);
    groupsOf.computeIfAbsent(userId, k -> new TreeSet<>()).add(groupId);
    feed.append(Change.membership(groupId, userId, Operation.UPSERT));
  }

  private void unlinkMember(String groupId, String userId) {
    touch(groupTimes, groupId);
    Objects.requireNonNull(members.get(groupId)).remove(userId);
    Objects.requireNonNull(groupsOf.get(userId)).remove(groupId);
    feed.append(Change.membership(groupId, userId, Operation.DELETE));
  }

  private void linkChild(String groupId, String childId) {
    touch(groupTimes, groupId);
    children.computeIfAbsent(groupId, k -> new TreeSet<>()).add(childId);
    parents.computeIfAbsent(childId, k -> new TreeSet<>()).add(groupId);
    graphVersion++;
    feed.append(Change.memberGroup(groupId, childId, Operation.UPSERT));
  }

  private void unlinkChild(String groupId, String childId) {
    touch(groupTimes, groupId);
    Objects.requireNonNull(children.get(groupId)).remove(childId);
    Objects.requireNonNull(parents.get(childId)).remove(groupId);
    graphVersion++;
    feed.append(Change.memberGroup(groupId, childId, Operation.DELETE));
  }

  private Set<String> childrenOf(String groupId) {
    return Set.copyOf(children.getOrDefault(groupId, Set.of()));
  }

  private static Map<String, Set<String>> copies(
      Map<String, Set<String>> sets, Collection<String> ids) {
    Map<String, Set<String>> copies = new HashMap<>();
    ids.forEach(id -> copies.put(id, Set.copyOf(sets.getOrDefault(id, Set.of()))));
    return copies;
  }

  @Override
  public synchronized Page<String> userIds(@Nullable String cursor, int limit) {
    return page(users, cursor, limit);
  }

  @Override
  public synchronized Page<String> groupIds(@Nullable String cursor, int limit) {
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
  static Page<String> page(NavigableMap<String, ?> map, @Nullable String cursor, int limit) {
    if (limit <= 0) throw new IllegalArgumentException("limit must be positive: " + limit);
    NavigableMap<String, ?> after = cursor == null ? map : map.tailMap(cursor, false);
    List<String> ids = after.keySet().stream().limit(limit + 1L).toList();
    if (ids.size() <= limit) return new Page<>(ids, null);
    return new Page<>(ids.subList(0, limit), ids.get(limit - 1));
  }
}
