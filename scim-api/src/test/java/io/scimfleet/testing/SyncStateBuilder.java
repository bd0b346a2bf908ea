package io.scimfleet.testing;

import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import java.time.Instant;
import java.util.List;

/** {@code aSyncState("slack", USER, "u1").createdAs("remote-1").build()}. */
public final class SyncStateBuilder {
  private final String provider;
  private final ObjectType type;
  private final String objectId;
  private String remoteId;
  private String version;
  private String payloadHash;
  private List<String> membersSent = List.of();
  private Instant time = Instant.parse("2025-01-01T00:00:00Z");
  private SyncOutcome outcome = SyncOutcome.CREATED;
  private String lastError;
  private List<String> pathsSent = List.of();

  private SyncStateBuilder(String provider, ObjectType type, String objectId) {
    this.provider = provider;
    this.type = type;
    this.objectId = objectId;
    this.remoteId = "remote-" + objectId;
    this.payloadHash = "hash-" + objectId;
  }

  public static SyncStateBuilder aSyncState(String provider, ObjectType type, String objectId) {
    return new SyncStateBuilder(provider, type, objectId);
  }

  public SyncStateBuilder createdAs(String value) {
    this.remoteId = value;
    this.outcome = SyncOutcome.CREATED;
    return this;
  }

  public SyncStateBuilder withVersion(String value) {
    this.version = value;
    return this;
  }

  public SyncStateBuilder withPayloadHash(String value) {
    this.payloadHash = value;
    return this;
  }

  public SyncStateBuilder withMembersSent(String... remoteIds) {
    this.membersSent = List.of(remoteIds);
    return this;
  }

  public SyncStateBuilder at(Instant value) {
    this.time = value;
    return this;
  }

  public SyncStateBuilder failedWith(String error) {
    this.outcome = SyncOutcome.FAILED;
    this.lastError = error;
    return this;
  }

  public SyncStateBuilder withPathsSent(String... paths) {
    this.pathsSent = List.of(paths);
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
        null);
  }
}
