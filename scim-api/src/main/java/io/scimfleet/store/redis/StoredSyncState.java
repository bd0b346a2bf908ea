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
    return ObjectSyncState.builder(provider, type, objectId)
        .remoteId(stored.remoteId)
        .version(stored.version)
        .payloadHash(stored.payloadHash)
        .membersSent(stored.membersSent)
        .time(stored.time)
        .outcome(stored.outcome)
        .lastError(stored.lastError)
        .pathsSent(stored.pathsSent)
        .password(stored.password)
        .build();
  }
}
