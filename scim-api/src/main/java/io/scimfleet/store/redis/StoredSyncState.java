package io.scimfleet.store.redis;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ObjectSyncState} as stored: short field names, without the provider, type and id that
 * its key and hash field already say (there is one per object per provider: size matters).
 */
record StoredSyncState(
    @JsonProperty("r") @Nullable String remoteId,
    @JsonProperty("v") @Nullable String version,
    @JsonProperty("h") @Nullable String payloadHash,
    @JsonProperty("m") @Nullable List<String> membersSent,
    @JsonProperty("t") @Nullable Instant time,
    @JsonProperty("o") @Nullable SyncOutcome outcome,
    @JsonProperty("e") @Nullable String lastError,
    @JsonProperty("p") @Nullable List<String> pathsSent,
    @JsonProperty("pw") @Nullable String password) {

  static String write(ObjectSyncState state) {
    return SyncStateJson.write(
        new StoredSyncState(
            state.remoteId(),
            state.version(),
            state.payloadHash(),
            state.membersSent(),
            state.time(),
            state.outcome(),
            state.lastError(),
            state.pathsSent(),
            state.password()));
  }

  static @Nullable ObjectSyncState read(
      String provider, ObjectType type, String objectId, String json) {
    if (json == null) return null;
    StoredSyncState fast = SyncStateJson.read(json);
    StoredSyncState stored = fast != null ? fast : RedisJson.read(json, StoredSyncState.class);
    if (stored == null) return null;
    return new ObjectSyncState(
        provider,
        type,
        objectId,
        stored.remoteId,
        stored.version,
        stored.payloadHash,
        stored.membersSent == null ? List.of() : stored.membersSent,
        stored.time,
        stored.outcome,
        stored.lastError,
        stored.pathsSent == null ? List.of() : stored.pathsSent,
        stored.password);
  }
}
