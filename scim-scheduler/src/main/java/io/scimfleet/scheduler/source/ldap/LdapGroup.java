package io.scimfleet.scheduler.source.ldap;

import java.util.List;

/**
 * A group entry read from the source.
 *
 * @param members the member attribute's values: normalized DNs, or user names for {@code memberUid}
 */
public record LdapGroup(String id, String dn, String name, List<String> members) {
  public LdapGroup {
    members = List.copyOf(members);
  }
}
