package io.scimfleet.testing;

import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import java.time.Instant;
import java.util.List;

/** {@code aSyncState("slack", USER, "u1").createdAs("remote-1").build()}. */
public final class SyncStateBuilder {
  private final ObjectSyncState.Builder state;

  private SyncStateBuilder(String provider, ObjectType type, String objectId) {
    this.state =
        ObjectSyncState.builder(provider, type, objectId)
            .remoteId("remote-" + objectId)
            .payloadHash("hash-" + objectId)
            .time(Instant.parse("2025-01-01T00:00:00Z"))
            .outcome(SyncOutcome.CREATED);
  }

  public static SyncStateBuilder aSyncState(String provider, ObjectType type, String objectId) {
    return new SyncStateBuilder(provider, type, objectId);
  }

  public SyncStateBuilder createdAs(String value) {
    state.remoteId(value).outcome(SyncOutcome.CREATED);
    return this;
  }

  public SyncStateBuilder withVersion(String value) {
    state.version(value);
    return this;
  }

  public SyncStateBuilder withPayloadHash(String value) {
    state.payloadHash(value);
    return this;
  }

  public SyncStateBuilder withMembersSent(String... remoteIds) {
    state.membersSent(List.of(remoteIds));
    return this;
  }

  public SyncStateBuilder at(Instant value) {
    state.time(value);
    return this;
  }

  public SyncStateBuilder failedWith(String error) {
    state.outcome(SyncOutcome.FAILED).lastError(error);
    return this;
  }

  public SyncStateBuilder withPathsSent(String... paths) {
    state.pathsSent(List.of(paths));
    return this;
  }

  public ObjectSyncState build() {
    return state.build();
  }
}
