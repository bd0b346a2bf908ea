package io.scimfleet.scheduler.http;

import io.scimfleet.model.ObjectSyncState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An object's sync state on one provider, as the API shows it (no payload hash). {@code password}
 * says what became of the user's last password change there; never a password.
 */
record ObjectStateView(
    String provider,
    String type,
    String id,
    @Nullable String remoteId,
    @Nullable String outcome,
    @Nullable String lastError,
    @Nullable Instant time,
    @Nullable String version,
    int membersSent,
    @Nullable String password) {

  static ObjectStateView of(ObjectSyncState s) {
    return new ObjectStateView(
        s.provider(),
        s.type().label(),
        s.objectId(),
        s.remoteId(),
        s.outcome() == null ? null : s.outcome().label(),
        s.lastError(),
        s.time(),
        s.version(),
        s.membersSent().size(),
        s.password());
  }
}
