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
  /**
   * The most entries the feed keeps when its consumers fall behind; beyond it the oldest go even
   * unacknowledged, counted ({@link #trim}).
   */
  long MAX_LENGTH = 1_000_000;

  record Entry(String entryId, Change change) {}

  void append(Change change);

  /** New entries for this consumer, waiting up to {@code block} when there are none. */
  List<Entry> read(String consumer, int max, Duration block);

  void ack(List<String> entryIds);

  /** Takes over entries that other consumers read but did not acknowledge for {@code minIdle}. */
  List<Entry> claimStale(String consumer, Duration minIdle, int max);

  /** Entries appended and not yet read by the group (for tests and metrics). */
  long lag();

  /**
   * What {@link #trim} did.
   *
   * @param removed acknowledged entries removed
   * @param dropped entries removed before any consumer acknowledged them: changes lost to the feed
   */
  record Trimmed(long removed, long dropped) {}

  /**
   * Removes the entries every consumer acknowledged (those below the oldest one pending or not yet
   * delivered); if the feed still holds more than {@code maxLength}, the oldest beyond it go too,
   * counted as {@link Trimmed#dropped}. A feed that trims nothing says so (the default).
   */
  default Trimmed trim(long maxLength) {
    return new Trimmed(0, 0);
  }

  /** Removes the consumers with nothing pending idle longer than {@code idle}; how many went. */
  default int removeIdleConsumers(Duration idle) {
    return 0;
  }
}
