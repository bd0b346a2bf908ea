package io.scimfleet.store;

import io.scimfleet.model.Change;
import java.time.Duration;
import java.util.List;

/**
 * Every directory write, in order, read at least once through a consumer group. An entry stays
 * pending until acknowledged; entries of a consumer that died are claimed by another after they
 * were idle long enough.
 */
public interface ChangeFeed {

  /** An entry as read: its feed id (to acknowledge it) and the change. */
  record Entry(String entryId, Change change) {}

  void append(Change change);

  /** New entries for this consumer, waiting up to {@code block} when there are none. */
  List<Entry> read(String consumer, int max, Duration block);

  void ack(List<String> entryIds);

  /** Takes over entries that other consumers read but did not acknowledge for {@code minIdle}. */
  List<Entry> claimStale(String consumer, Duration minIdle, int max);

  /** Entries appended and not yet read by the group (for tests and metrics). */
  long lag();
}
