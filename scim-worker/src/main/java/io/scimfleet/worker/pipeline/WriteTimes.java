package io.scimfleet.worker.pipeline;

import io.scimfleet.model.ObjectTimes;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.UserReceipts;
import io.scimfleet.store.Stores;
import java.time.Instant;
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

  Optional<Instant> lastWrite(ObjectType type, String objectId) {
    Optional<Instant> modified =
        stores.directory().times(type, objectId).map(ObjectTimes::lastModified);
    if (modified.isPresent() || type != ObjectType.USER) return modified;
    return stores.receipts().of(objectId).map(UserReceipts::deletedAt);
  }
}
