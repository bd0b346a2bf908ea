package io.scimfleet.scheduler.http;

import io.scimfleet.model.HeldDeletion;
import io.scimfleet.store.DeletionStore;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The removals a provider's deletion guard holds, in its status: how many, the first ones (oldest
 * first) and since when.
 */
record DeletionsHeld(long count, List<Held> first, @Nullable Instant since) {
  static final int FIRST = 10;

  record Held(String type, String id, @Nullable String remoteId, Instant heldAt) {}

  static DeletionsHeld of(DeletionStore deletions, String provider) {
    long count = deletions.heldCount(provider);
    if (count == 0) return new DeletionsHeld(0, List.of(), null);
    List<Held> first = deletions.held(provider, FIRST).stream().map(DeletionsHeld::view).toList();
    return new DeletionsHeld(count, first, first.isEmpty() ? null : first.get(0).heldAt());
  }

  private static Held view(HeldDeletion held) {
    return new Held(held.type().label(), held.objectId(), held.remoteId(), held.heldAt());
  }
}
