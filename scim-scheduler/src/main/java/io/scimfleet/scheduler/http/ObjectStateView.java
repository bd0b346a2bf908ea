package io.scimfleet.scheduler.http;

import io.scimfleet.model.ObjectSyncState;
import java.time.Instant;

/**
 * An object's sync state on one provider, as the API shows it (no payload hash). {@code password}
 * says what became of the user's last password change there; never a password.
 */
record ObjectStateView(
    String provider,
    String type,
    String id,
    String remoteId,
    String outcome,
    String lastError,
    Instant time,
    String version,
    int membersSent,
    String password) {

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
