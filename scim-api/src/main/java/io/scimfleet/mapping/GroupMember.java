package io.scimfleet.mapping;

import java.util.Objects;

/** A member of a group that is already synced to the target: its directory id and its id there. */
public record GroupMember(String id, String remoteId) {
  public GroupMember {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(remoteId, "remoteId");
  }
}
