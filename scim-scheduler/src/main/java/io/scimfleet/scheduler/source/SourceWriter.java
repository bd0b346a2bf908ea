package io.scimfleet.scheduler.source;

import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scheduler.source.ldap.DirectoryRead;
import io.scimfleet.scheduler.source.ldap.LdapGroup;
import io.scimfleet.scheduler.source.ldap.LdapUser;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.GroupCycleException;
import io.scimfleet.store.UnknownMemberException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes what a read of a source found into the fleet's directory, through the same store (and so
 * the same change feed) as the REST API and inbound SCIM: users whose data changed, groups whose
 * name, members or member groups changed (member DNs resolved to users, and to groups as nesting).
 * Objects of the source that the read no longer finds are deleted unless they are more than {@code
 * maxDeletePercent} of what the source owns: then they are held ({@link SourceDeletions}). An
 * object another source owns is left alone and reported.
 */
public final class SourceWriter {
  static final int CHUNK = 500;
  private static final int MAX_ERRORS = 20;

  private final DirectoryStore directory;
  private final SourceStore store;
  private final SourceDeletions deletions;

  public SourceWriter(DirectoryStore directory, SourceStore store) {
    this.directory = directory;
    this.store = store;
    this.deletions = new SourceDeletions(directory, store);
  }

  /** Applies the read; returns what it found and did. */
  public SourceStatus.Outcome apply(Source source, DirectoryRead read) {
    Run run = new Run(source, read);
    run.writeUsers();
    run.writeGroups();
    run.own();
    boolean deleted =
        deletions.settle(source, run.presentUsers.keySet(), run.presentGroups.keySet());
    return new SourceStatus.Outcome(
        run.presentUsers.size(),
        run.presentGroups.size(),
        read.skipped(),
        run.changed || deleted,
        read.mark(),
        run.errors);
  }

  /** One application of one read. */
  private final class Run {
    final Source source;
    final DirectoryRead read;
    final Map<String, String> ownedUsers;
    final Map<String, String> ownedGroups;
    final Map<String, String> presentUsers;
    final Map<String, String> presentGroups;
    final Map<String, String> userByDn = new HashMap<>();
    final Map<String, String> groupByDn = new HashMap<>();
    final List<String> errors = new ArrayList<>();
    boolean changed;

    Run(Source source, DirectoryRead read) {
      this.source = source;
      this.read = read;
      this.ownedUsers = store.owned(source.name(), ObjectType.USER);
      this.ownedGroups = store.owned(source.name(), ObjectType.GROUP);
      this.presentUsers = ours(ObjectType.USER, read.userDns(), ownedUsers);
      this.presentGroups = ours(ObjectType.GROUP, read.groupDns(), ownedGroups);
      if (deletions.wouldHold(
          source, ownedUsers, ownedGroups, presentUsers.keySet(), presentGroups.keySet())) {
        // held objects keep their memberships until the deletions are released
        ownedUsers.forEach((id, dn) -> userByDn.put(dn, id));
        ownedGroups.forEach((id, dn) -> groupByDn.put(dn, id));
      }
      presentUsers.forEach((id, dn) -> userByDn.put(dn, id));
      presentGroups.forEach((id, dn) -> groupByDn.put(dn, id));
    }

    /** The objects read that this source may write: not owned by another source. */
    private Map<String, String> ours(
        ObjectType type, Map<String, String> read, Map<String, String> owned) {
      Map<String, String> ours = new HashMap<>(read);
      List<String> unowned = read.keySet().stream().filter(id -> !owned.containsKey(id)).toList();
      store
          .owners(type, unowned)
          .forEach(
              (id, owner) -> {
                if (owner.equals(source.name())) return;
                ours.remove(id);
                error(type.label() + " " + id + " belongs to source '" + owner + "': left alone");
              });
      return ours;
    }

    void writeUsers() {
      List<DirectoryUser> users = new ArrayList<>();
      for (LdapUser user : read.users())
        if (presentUsers.containsKey(user.id())) users.add(withManager(user));
      for (int from = 0; from < users.size(); from += CHUNK) {
        List<DirectoryUser> chunk = users.subList(from, Math.min(users.size(), from + CHUNK));
        Map<String, DirectoryUser> stored = new HashMap<>();
        directory
            .users(chunk.stream().map(DirectoryUser::id).toList())
            .forEach(u -> stored.put(u.id(), u));
        List<DirectoryUser> changedUsers =
            chunk.stream().filter(u -> !u.equals(stored.get(u.id()))).toList();
        if (!changedUsers.isEmpty()) {
          directory.putUsers(changedUsers);
          changed = true;
        }
      }
    }

    private DirectoryUser withManager(LdapUser user) {
      if (user.managerDn() == null) return user.user();
      String manager = userByDn.get(user.managerDn());
      if (manager == null) return user.user();
      Map<String, Object> attributes = new HashMap<>(user.user().attributes());
      attributes.put("manager", manager);
      DirectoryUser u = user.user();
      return new DirectoryUser(u.id(), u.username(), u.name(), u.email(), u.active(), attributes);
    }

    void writeGroups() {
      List<LdapGroup> groups =
          read.groups().stream().filter(g -> presentGroups.containsKey(g.id())).toList();
      Map<String, Set<String>> nesting = new HashMap<>();
      for (int from = 0; from < groups.size(); from += CHUNK)
        writeGroups(groups.subList(from, Math.min(groups.size(), from + CHUNK)), nesting);
      nesting.forEach(this::nest);
    }

    private void writeGroups(List<LdapGroup> groups, Map<String, Set<String>> nesting) {
      List<String> ids = groups.stream().map(LdapGroup::id).toList();
      Map<String, DirectoryGroup> stored = new HashMap<>();
      directory.groups(ids).forEach(g -> stored.put(g.id(), g));
      Map<String, Set<String>> storedMembers = directory.membersByGroup(ids);
      Map<String, Set<String>> storedNesting = directory.memberGroups(ids);
      for (LdapGroup group : groups) {
        Set<String> members = new HashSet<>();
        Set<String> memberGroups = new HashSet<>();
        resolve(group, members, memberGroups);
        DirectoryGroup directoryGroup = DirectoryGroup.of(group.id(), group.name());
        if (!directoryGroup.equals(stored.get(group.id()))
            || !members.equals(storedMembers.getOrDefault(group.id(), Set.of()))) {
          write(group.id(), () -> directory.putGroup(directoryGroup, members, null));
        }
        if (!memberGroups.equals(storedNesting.getOrDefault(group.id(), Set.of())))
          nesting.put(group.id(), memberGroups);
      }
    }

    private void resolve(LdapGroup group, Set<String> members, Set<String> memberGroups) {
      boolean uids = "memberUid".equals(source.memberAttribute());
      for (String member : group.members()) {
        if (uids) {
          directory
              .userByUsername(member)
              .map(DirectoryUser::id)
              .filter(presentUsers::containsKey)
              .ifPresent(members::add);
          continue;
        }
        String user = userByDn.get(member);
        if (user != null) members.add(user);
        String nested = groupByDn.get(member);
        if (nested != null && !nested.equals(group.id())) memberGroups.add(nested);
      }
    }

    private void nest(String groupId, Set<String> memberGroups) {
      directory
          .group(groupId)
          .ifPresent(g -> write(groupId, () -> directory.putGroup(g, null, memberGroups)));
    }

    private void write(String groupId, Runnable write) {
      try {
        write.run();
        changed = true;
      } catch (GroupCycleException | UnknownMemberException e) {
        error("group " + groupId + ": " + e.getMessage());
      }
    }

    void own() {
      ownChanged(ObjectType.USER, presentUsers, ownedUsers);
      ownChanged(ObjectType.GROUP, presentGroups, ownedGroups);
    }

    private void ownChanged(
        ObjectType type, Map<String, String> present, Map<String, String> owned) {
      Map<String, String> changedDns = new HashMap<>();
      present.forEach(
          (id, dn) -> {
            if (!Objects.equals(owned.get(id), dn)) changedDns.put(id, dn);
          });
      if (!changedDns.isEmpty()) store.own(source.name(), type, changedDns);
    }

    private void error(String message) {
      if (errors.size() < MAX_ERRORS) errors.add(message);
    }
  }
}
