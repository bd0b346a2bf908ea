package io.scimfleet.scheduler.changes;

import io.scimfleet.model.Change;
import io.scimfleet.store.ChangeFeed;
import io.scimfleet.store.ReceiptStore;
import java.time.Instant;
import java.util.List;

/**
 * Tells the receipts when each deleted user left the directory, before the deletes' jobs are
 * enqueued: the time a Redis stream entry id carries (its milliseconds), else the time it was read.
 * The workers measure the deprovisioning lag from it, and the receipt keeps it.
 */
final class DeletionMarks {
  private DeletionMarks() {}

  static void record(ReceiptStore receipts, List<ChangeFeed.Entry> entries, Instant readAt) {
    for (ChangeFeed.Entry entry : entries) {
      Change change = entry.change();
      if (change.kind() == Change.Kind.USER && change.operation() == Change.Operation.DELETE)
        receipts.userDeleted(change.id(), writtenAt(entry.entryId(), readAt));
    }
  }

  /** A Redis stream id is {@code <millis>-<sequence>}; anything else: {@code readAt}. */
  static Instant writtenAt(String entryId, Instant readAt) {
    int dash = entryId.indexOf('-');
    if (dash <= 0) return readAt;
    try {
      Instant written = Instant.ofEpochMilli(Long.parseLong(entryId.substring(0, dash)));
      return written.isAfter(readAt) ? readAt : written;
    } catch (NumberFormatException e) {
      return readAt;
    }
  }
}
