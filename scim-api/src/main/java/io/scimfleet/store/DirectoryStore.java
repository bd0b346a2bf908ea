package io.scimfleet.store;

import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fleet's copy of the identity directory. Every write is atomic, bumps {@link #version()} and
 * appends its change to the {@link ChangeFeed} in the same step. Listings page in stable order
 * (by id) without loading the whole directory.
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

  Optional<DirectoryUser> user(String id);

  /** Loads many users at once, in one round trip where the store can; unknown ids are left out. */
  List<DirectoryUser> users(Collection<String> ids);

  /** Removes the user and its memberships; false when it did not exist. */
  boolean deleteUser(String id);

  /**
   * Stores the group. {@code memberIds} null keeps the current members; otherwise it replaces them
   * (every member must exist: {@link UnknownMemberException} and nothing written otherwise).
   */
  void putGroup(DirectoryGroup group, Collection<String> memberIds);

  Optional<DirectoryGroup> group(String id);

  List<DirectoryGroup> groups(Collection<String> ids);

  boolean deleteGroup(String id);

  /** Adds one membership; false when it was already there. Group and user must exist. */
  boolean addMember(String groupId, String userId);

  /** Removes one membership; false when it was not there. */
  boolean removeMember(String groupId, String userId);

  Set<String> members(String groupId);

  Set<String> groupsOf(String userId);

  /** User ids after {@code cursor} (null: from the start), at most {@code limit}, ordered by id. */
  Page<String> userIds(String cursor, int limit);

  Page<String> groupIds(String cursor, int limit);

  long userCount();

  long groupCount();

  /** Bumped by every write. */
  long version();
}
