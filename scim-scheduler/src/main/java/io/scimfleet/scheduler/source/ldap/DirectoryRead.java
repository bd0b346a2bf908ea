package io.scimfleet.scheduler.source.ldap;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one read of a source found.
 *
 * @param userDns every user in scope now: directory id to normalized DN
 * @param groupDns every group in scope now
 * @param users the user entries to write: all of them on a full read, the changed ones on a poll
 * @param groups the group entries to write
 * @param mark the newest {@code modifyTimestamp} seen, where the next poll starts; null when none
 * @param skipped entries left out (no id attribute), for the status
 * @param announced change detection the root DSE announces ({@code syncprov}, {@code dirsync}), or
 *     null (polls do not ask)
 */
public record DirectoryRead(
    Map<String, String> userDns,
    Map<String, String> groupDns,
    List<LdapUser> users,
    List<LdapGroup> groups,
    @Nullable String mark,
    int skipped,
    @Nullable String announced) {

  /** The same read with more entries to write. */
  public DirectoryRead plus(List<LdapUser> moreUsers, List<LdapGroup> moreGroups) {
    List<LdapUser> allUsers = new java.util.ArrayList<>(users);
    allUsers.addAll(moreUsers);
    List<LdapGroup> allGroups = new java.util.ArrayList<>(groups);
    allGroups.addAll(moreGroups);
    return new DirectoryRead(userDns, groupDns, allUsers, allGroups, mark, skipped, announced);
  }
}
