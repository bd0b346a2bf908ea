package io.scimfleet.worker.pipeline;

import io.scimfleet.model.ObjectTimes;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.UserReceipts;
import io.scimfleet.store.Stores;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When the directory last wrote an object: its last modification while it is in the directory (a
 * deactivation is one), else, for a deleted user, the deletion time the change feed carried (kept
 * with its receipts). Coalesced changes count from the last write.
 */
final class WriteTimes {
  private final Stores stores;

  WriteTimes(Stores stores) {
    this.stores = stores;
  }

  /**
   * {@link #lastWrite} of many objects: the directory's times of all of them in one read, then a
   * deleted user's receipts one by one (rare: only users no longer in the directory).
   */
  Map<String, Instant> lastWrites(ObjectType type, List<String> objectIds) {
    Map<String, Instant> written = new HashMap<>();
    stores
        .directory()
        .times(type, objectIds)
        .forEach((id, times) -> written.put(id, times.lastModified()));
    if (type != ObjectType.USER) return written;
    for (String id : objectIds) {
      if (written.containsKey(id)) continue;
      stores
          .receipts()
          .of(id)
          .map(UserReceipts::deletedAt)
          .ifPresent(deletedAt -> written.put(id, deletedAt));
    }
    return written;
  }

  Optional<Instant> lastWrite(ObjectType type, String objectId) {
    Optional<Instant> modified =
        stores.directory().times(type, objectId).map(ObjectTimes::lastModified);
    if (modified.isPresent() || type != ObjectType.USER) return modified;
    return stores.receipts().of(objectId).map(UserReceipts::deletedAt);
  }
}
