package io.scimfleet.scheduler.source;

import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectTimes;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Page;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The directory as the REST API, the import and inbound SCIM see it: every write to a user or group
 * a source owns throws {@link SourceOwnedException} (409) and writes nothing; reads pass through. A
 * user's put checks its owner in the same step as the write where the store can ({@link
 * SourceStore#putUnownedUser}); the other writes look the owner up first. The sources themselves
 * write to the store underneath.
 */
public final class SourceOwnedDirectory implements DirectoryStore {
  private final DirectoryStore directory;
  private final SourceRegistry sources;

  public SourceOwnedDirectory(DirectoryStore directory, SourceRegistry sources) {
    this.directory = directory;
    this.sources = sources;
  }

  @Override
  public void putUser(DirectoryUser user) {
    sources.putUnownedUser(directory, user, false);
  }

  @Override
  public void putUsers(Collection<DirectoryUser> users) {
    sources.requireWritable(ObjectType.USER, users.stream().map(DirectoryUser::id).toList());
    directory.putUsers(users);
  }

  @Override
  public void putUniqueUser(DirectoryUser user) {
    sources.putUnownedUser(directory, user, true);
  }

  @Override
  public boolean deleteUser(String id) {
    sources.requireWritable(ObjectType.USER, id);
    return directory.deleteUser(id);
  }

  @Override
  public void putGroup(DirectoryGroup group, @Nullable Collection<String> memberIds) {
    sources.requireWritable(ObjectType.GROUP, group.id());
    directory.putGroup(group, memberIds);
  }

  @Override
  public void putGroup(
      DirectoryGroup group,
      @Nullable Collection<String> memberIds,
      @Nullable Collection<String> memberGroupIds) {
    sources.requireWritable(ObjectType.GROUP, group.id());
    directory.putGroup(group, memberIds, memberGroupIds);
  }

  @Override
  public boolean deleteGroup(String id) {
    sources.requireWritable(ObjectType.GROUP, id);
    return directory.deleteGroup(id);
  }

  @Override
  public boolean addMember(String groupId, String userId) {
    sources.requireWritable(ObjectType.GROUP, groupId);
    return directory.addMember(groupId, userId);
  }

  @Override
  public boolean removeMember(String groupId, String userId) {
    sources.requireWritable(ObjectType.GROUP, groupId);
    return directory.removeMember(groupId, userId);
  }

  @Override
  public boolean addMemberGroup(String groupId, String childId) {
    sources.requireWritable(ObjectType.GROUP, groupId);
    return directory.addMemberGroup(groupId, childId);
  }

  @Override
  public boolean removeMemberGroup(String groupId, String childId) {
    sources.requireWritable(ObjectType.GROUP, groupId);
    return directory.removeMemberGroup(groupId, childId);
  }

  // --- reads pass through -----------------------------------------------------------------------

  @Override
  public Optional<DirectoryUser> user(String id) {
    return directory.user(id);
  }

  @Override
  public Optional<DirectoryUser> userByUsername(String username) {
    return directory.userByUsername(username);
  }

  @Override
  public Optional<ObjectTimes> times(ObjectType type, String id) {
    return directory.times(type, id);
  }

  @Override
  public Map<String, ObjectTimes> times(ObjectType type, Collection<String> ids) {
    return directory.times(type, ids);
  }

  @Override
  public List<DirectoryUser> users(Collection<String> ids) {
    return directory.users(ids);
  }

  @Override
  public Set<String> present(ObjectType type, Collection<String> ids) {
    return directory.present(type, ids);
  }

  @Override
  public Optional<DirectoryGroup> group(String id) {
    return directory.group(id);
  }

  @Override
  public List<DirectoryGroup> groups(Collection<String> ids) {
    return directory.groups(ids);
  }

  @Override
  public Set<String> members(String groupId) {
    return directory.members(groupId);
  }

  @Override
  public Set<String> groupsOf(String userId) {
    return directory.groupsOf(userId);
  }

  @Override
  public Map<String, Set<String>> groupsOf(Collection<String> userIds) {
    return directory.groupsOf(userIds);
  }

  @Override
  public Map<String, Set<String>> memberGroups(Collection<String> groupIds) {
    return directory.memberGroups(groupIds);
  }

  @Override
  public Map<String, Set<String>> parentGroups(Collection<String> groupIds) {
    return directory.parentGroups(groupIds);
  }

  @Override
  public Set<String> members(Collection<String> groupIds) {
    return directory.members(groupIds);
  }

  @Override
  public Map<String, Set<String>> membersByGroup(Collection<String> groupIds) {
    return directory.membersByGroup(groupIds);
  }

  @Override
  public long groupGraphVersion() {
    return directory.groupGraphVersion();
  }

  @Override
  public Set<String> nestedGroups(Collection<String> groupIds) {
    return directory.nestedGroups(groupIds);
  }

  @Override
  public Set<String> enclosingGroups(Collection<String> groupIds) {
    return directory.enclosingGroups(groupIds);
  }

  @Override
  public Page<String> userIds(@Nullable String cursor, int limit) {
    return directory.userIds(cursor, limit);
  }

  @Override
  public Page<String> groupIds(@Nullable String cursor, int limit) {
    return directory.groupIds(cursor, limit);
  }

  @Override
  public long userCount() {
    return directory.userCount();
  }

  @Override
  public long groupCount() {
    return directory.groupCount();
  }

  @Override
  public long version() {
    return directory.version();
  }
}
