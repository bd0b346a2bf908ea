package io.scimfleet.scheduler.source.ldap;

import io.scimfleet.model.DirectoryUser;
import org.jspecify.annotations.Nullable;

/**
 * A user entry read from the source: its directory user (the manager not resolved yet) and the
 * manager's DN, normalized, or null.
 */
public record LdapUser(String dn, DirectoryUser user, @Nullable String managerDn) {
  public String id() {
    return user.id();
  }
}
