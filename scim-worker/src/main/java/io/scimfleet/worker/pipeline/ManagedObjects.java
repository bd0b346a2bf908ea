package io.scimfleet.worker.pipeline;

import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.Page;
import io.scimfleet.store.Stores;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The objects of one type that the fleet has on a target, by remote id, and the attributes it sends
 * them: read from the sync states 100 at a time (two round trips per 100).
 */
record ManagedObjects(Map<String, String> objectIdByRemoteId, Set<String> paths) {

  static ManagedObjects scan(Stores stores, String provider, ObjectType type) {
    Map<String, String> byRemoteId = new HashMap<>();
    Set<String> paths = new TreeSet<>();
    String cursor = null;
    do {
      Page<String> page = stores.syncState().objectIds(provider, type, cursor, TargetSnapshot.PAGE);
      for (ObjectSyncState state :
          stores.syncState().getAll(provider, type, page.items()).values()) {
        if (state.remoteId() == null) continue;
        byRemoteId.put(state.remoteId(), state.objectId());
        paths.addAll(state.pathsSent());
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return new ManagedObjects(byRemoteId, paths);
  }

  @Nullable String objectId(@Nullable String remoteId) {
    return objectIdByRemoteId.get(remoteId);
  }
}
