package io.scimfleet.store;

import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectTimes;
import io.scimfleet.model.ObjectType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fleet's copy of the identity directory. Every write is atomic, bumps {@link #version()} and
 * appends its change to the {@link ChangeFeed} in the same step. Listings page in stable order (by
 * id) without loading the whole directory.
 */
public interface DirectoryStore {
  int PAGE_SIZE = 100;

  void putUser(DirectoryUser user);

  /**
   * Stores many users, each as its own write (one change and one version step per user), in as few
   * round trips as the store can: the path for a bulk load. Not atomic as a whole.
   */
  default void putUsers(Collection<DirectoryUser> users) {
    users.forEach(this::putUser);
  }

  /**
   * Stores the user unless another user holds its username, compared ignoring case ({@link
   * #usernameKey}): then {@link UsernameTakenException} and nothing is written. The check and the
   * write are one atomic step. {@link #putUser} does not check (the REST API's last writer wins).
   */
  void putUniqueUser(DirectoryUser user);

  Optional<DirectoryUser> user(String id);

  /**
   * The user whose username equals {@code username} ignoring case; when the REST API stored
   * several, the one written last.
   */
  Optional<DirectoryUser> userByUsername(String username);

  /**
   * When the object was first written and last changed; empty when it does not exist or was written
   * before the store kept times.
   */
  Optional<ObjectTimes> times(ObjectType type, String id);

  /** The times of many objects, in one round trip where the store can; unknown ids are left out. */
  default Map<String, ObjectTimes> times(ObjectType type, Collection<String> ids) {
    Map<String, ObjectTimes> times = new HashMap<>();
    ids.forEach(id -> times(type, id).ifPresent(t -> times.put(id, t)));
    return times;
  }

  /** Loads many users at once, in one round trip where the store can; unknown ids are left out. */
  List<DirectoryUser> users(Collection<String> ids);

  /**
   * The ids among {@code ids} of the objects of {@code type} that the directory holds, without
   * reading the objects (one round trip where the store can); the clean-up's check when a scope
   * lets everything in.
   */
  Set<String> present(ObjectType type, Collection<String> ids);

  /** Removes the user and its memberships; false when it did not exist. */
  boolean deleteUser(String id);

  /**
   * Stores the group. {@code memberIds} null keeps the current members; otherwise it replaces them
   * (every member must exist: {@link UnknownMemberException} and nothing written otherwise).
   */
  default void putGroup(DirectoryGroup group, @Nullable Collection<String> memberIds) {
    putGroup(group, memberIds, null);
  }

  /**
   * Stores the group with its members and its member groups (groups nested in it). Either null
   * keeps what the group has; given, it replaces it. Added and removed members and member groups
   * each append their own change. Unknown users or groups: {@link UnknownMemberException}; a
   * nesting that would make a group contain itself: {@link GroupCycleException}; nothing is written
   * then.
   */
  void putGroup(
      DirectoryGroup group,
      @Nullable Collection<String> memberIds,
      @Nullable Collection<String> memberGroupIds);

  Optional<DirectoryGroup> group(String id);

  List<DirectoryGroup> groups(Collection<String> ids);

  boolean deleteGroup(String id);

  /** Adds one membership; false when it was already there. Group and user must exist. */
  boolean addMember(String groupId, String userId);

  /** Removes one membership; false when it was not there. */
  boolean removeMember(String groupId, String userId);

  Set<String> members(String groupId);

  Set<String> groupsOf(String userId);

  /** Each user's groups (direct memberships), read in one round trip where the store can. */
  Map<String, Set<String>> groupsOf(Collection<String> userIds);

  /**
   * Nests {@code childId} in {@code groupId}; false when it already was. Both must exist; no
   * cycles.
   */
  boolean addMemberGroup(String groupId, String childId);

  /** Un-nests one child group; false when it was not nested there. */
  boolean removeMemberGroup(String groupId, String childId);

  /** The groups nested directly in each group, read in one round trip where the store can. */
  Map<String, Set<String>> memberGroups(Collection<String> groupIds);

  /** The groups each group is nested in directly. */
  Map<String, Set<String>> parentGroups(Collection<String> groupIds);

  /** The union of the direct user members of these groups. */
  Set<String> members(Collection<String> groupIds);

  /** Each group's direct user members, read in one round trip where the store can. */
  default Map<String, Set<String>> membersByGroup(Collection<String> groupIds) {
    Map<String, Set<String>> members = new HashMap<>();
    groupIds.forEach(id -> members.put(id, members(id)));
    return members;
  }

  /** Bumped by every change to the nesting of groups (and by removing a group that had any). */
  long groupGraphVersion();

  default Set<String> memberGroups(String groupId) {
    return memberGroups(List.of(groupId)).getOrDefault(groupId, Set.of());
  }

  /** These groups and every group nested in them, at any depth. */
  default Set<String> nestedGroups(Collection<String> groupIds) {
    return GroupGraph.closure(groupIds, this::memberGroups);
  }

  /** These groups and every group they are nested in, at any depth. */
  default Set<String> enclosingGroups(Collection<String> groupIds) {
    return GroupGraph.closure(groupIds, this::parentGroups);
  }

  /** The users of the group and of every group nested in it. */
  default Set<String> transitiveMembers(String groupId) {
    return members(nestedGroups(List.of(groupId)));
  }

  /** User ids after {@code cursor} (null: from the start), at most {@code limit}, ordered by id. */
  Page<String> userIds(@Nullable String cursor, int limit);

  /**
   * Group ids after {@code cursor} (null: from the start), at most {@code limit}, ordered by id.
   */
  Page<String> groupIds(@Nullable String cursor, int limit);

  long userCount();

  long groupCount();

  /** Bumped by every write. */
  long version();

  /** How usernames compare: ignoring case, in every language ({@code Locale.ROOT}). */
  static String usernameKey(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
