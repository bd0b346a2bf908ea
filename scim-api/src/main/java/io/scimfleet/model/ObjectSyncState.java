package io.scimfleet.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the fleet last did with one object on one provider: the lasting record of its sync.
 *
 * @param remoteId the object's id on the target; null while it was never created there
 * @param version the target's ETag / meta.version, when it sends one
 * @param payloadHash hash of the last payload sent: an equal hash means nothing to send
 * @param membersSent for groups, the remote ids of the members last sent
 * @param lastError the readable error of the last failure, null after a success
 * @param pathsSent the top-level attributes of the last payload sent (members aside), so that one
 *     the mappings no longer produce is removed on the target
 * @param password what became of the user's last password change on this provider ({@code
 *     delivered}, {@code password changes not supported by the target}, {@code dropped: ...}); null
 *     when none. Never a password.
 */
public record ObjectSyncState(
    String provider,
    ObjectType type,
    String objectId,
    @Nullable String remoteId,
    @Nullable String version,
    @Nullable String payloadHash,
    List<String> membersSent,
    @Nullable Instant time,
    @Nullable SyncOutcome outcome,
    @Nullable String lastError,
    List<String> pathsSent,
    @Nullable String password) {

  public ObjectSyncState {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(objectId, "objectId");
    membersSent = membersSent == null ? List.of() : List.copyOf(membersSent);
    pathsSent = pathsSent == null ? List.of() : List.copyOf(pathsSent);
  }

  /** The same state after a failed attempt at {@code at}. */
  public ObjectSyncState withFailure(SyncOutcome failure, String error, Instant at) {
    return withAttempt(at, failure, error, password);
  }

  /** The same state with this password note. */
  public ObjectSyncState withPassword(String note) {
    return withAttempt(time, outcome, lastError, note);
  }

  private ObjectSyncState withAttempt(
      @Nullable Instant at,
      @Nullable SyncOutcome result,
      @Nullable String error,
      @Nullable String passwordNote) {
    return new ObjectSyncState(
        provider,
        type,
        objectId,
        remoteId,
        version,
        payloadHash,
        membersSent,
        at,
        result,
        error,
        pathsSent,
        passwordNote);
  }
}
