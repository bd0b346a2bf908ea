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

  /** A state of this object with nothing recorded yet; set what is known, then {@code build()}. */
  public static Builder builder(String provider, ObjectType type, String objectId) {
    return new Builder(provider, type, objectId);
  }

  /** A builder holding this state, to change some of it. */
  public Builder toBuilder() {
    return new Builder(provider, type, objectId)
        .remoteId(remoteId)
        .version(version)
        .payloadHash(payloadHash)
        .membersSent(membersSent)
        .time(time)
        .outcome(outcome)
        .lastError(lastError)
        .pathsSent(pathsSent)
        .password(password);
  }

  /** The same state after a failed attempt at {@code at}. */
  public ObjectSyncState withFailure(SyncOutcome failure, String error, Instant at) {
    return toBuilder().time(at).outcome(failure).lastError(error).build();
  }

  /** The same state with this password note. */
  public ObjectSyncState withPassword(String note) {
    return toBuilder().password(note).build();
  }

  /** Builds an {@link ObjectSyncState}; what is not set stays null (lists empty). */
  public static final class Builder {
    private final String provider;
    private final ObjectType type;
    private final String objectId;
    private @Nullable String remoteId;
    private @Nullable String version;
    private @Nullable String payloadHash;
    private List<String> membersSent = List.of();
    private @Nullable Instant time;
    private @Nullable SyncOutcome outcome;
    private @Nullable String lastError;
    private List<String> pathsSent = List.of();
    private @Nullable String password;

    private Builder(String provider, ObjectType type, String objectId) {
      this.provider = provider;
      this.type = type;
      this.objectId = objectId;
    }

    public Builder remoteId(@Nullable String value) {
      this.remoteId = value;
      return this;
    }

    public Builder version(@Nullable String value) {
      this.version = value;
      return this;
    }

    public Builder payloadHash(@Nullable String value) {
      this.payloadHash = value;
      return this;
    }

    /** Null: none. */
    public Builder membersSent(@Nullable List<String> value) {
      this.membersSent = value == null ? List.of() : value;
      return this;
    }

    public Builder time(@Nullable Instant value) {
      this.time = value;
      return this;
    }

    public Builder outcome(@Nullable SyncOutcome value) {
      this.outcome = value;
      return this;
    }

    public Builder lastError(@Nullable String value) {
      this.lastError = value;
      return this;
    }

    /** Null: none. */
    public Builder pathsSent(@Nullable List<String> value) {
      this.pathsSent = value == null ? List.of() : value;
      return this;
    }

    public Builder password(@Nullable String value) {
      this.password = value;
      return this;
    }

    public ObjectSyncState build() {
      return new ObjectSyncState(
          provider,
          type,
          objectId,
          remoteId,
          version,
          payloadHash,
          membersSent,
          time,
          outcome,
          lastError,
          pathsSent,
          password);
    }
  }
}
