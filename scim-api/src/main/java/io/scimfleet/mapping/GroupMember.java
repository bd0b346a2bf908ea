package io.scimfleet.mapping;

import java.util.Objects;

/**
 * A member of a group that is already synced to the target: its directory id, its id there, and
 * whether it is a group (nested groups sent natively) rather than a user.
 */
public record GroupMember(String id, String remoteId, boolean group) {
  public GroupMember {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(remoteId, "remoteId");
  }

  /** A user member. */
  public GroupMember(String id, String remoteId) {
    this(id, remoteId, false);
  }
}
