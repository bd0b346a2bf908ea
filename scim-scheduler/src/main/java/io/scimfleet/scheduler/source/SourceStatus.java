package io.scimfleet.scheduler.source;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the scheduler reading a source last saw, as stored and shown by {@code GET
 * /api/v1/sources/{name}/status} (with the held deletions beside it).
 *
 * @param mode the change detection in use ({@code modifyTimestamp})
 * @param announced what the server's root DSE announced ({@code syncprov}, {@code dirsync}, or
 *     none), so an operator sees what {@code auto} could pick once more modes exist
 * @param users users in scope at the last read
 * @param groups groups in scope at the last read
 * @param skipped entries of the last read without an id or username
 * @param lastFullRead when the last full read completed
 * @param lastFullReadSeconds how long it took
 * @param lastPoll when the last poll completed
 * @param lastChange when a read last wrote or deleted something
 * @param lastError the last failure (bind, server, timeout, a refused write); null after a success
 * @param failingSince when the failures began; null while reads succeed
 * @param mark the newest {@code modifyTimestamp} seen: where the next poll starts
 * @param readBy the scheduler holding the source's lease
 * @param writeErrors objects the last read could not write (first few), e.g. a nesting cycle
 */
public record SourceStatus(
    @Nullable String mode,
    @Nullable String announced,
    long users,
    long groups,
    int skipped,
    @Nullable Instant lastFullRead,
    @Nullable Double lastFullReadSeconds,
    @Nullable Instant lastPoll,
    @Nullable Instant lastChange,
    @Nullable String lastError,
    @Nullable Instant lastErrorAt,
    @Nullable Instant failingSince,
    @Nullable String mark,
    @Nullable String readBy,
    List<String> writeErrors) {

  public SourceStatus {
    writeErrors = writeErrors == null ? List.of() : List.copyOf(writeErrors);
  }

  public static SourceStatus initial() {
    return new SourceStatus(
        null, null, 0, 0, 0, null, null, null, null, null, null, null, null, null, List.of());
  }

  /** A read failed: the error and when; everything else as it was. */
  public SourceStatus failed(String error, Instant at, String reader) {
    return new SourceStatus(
        mode,
        announced,
        users,
        groups,
        skipped,
        lastFullRead,
        lastFullReadSeconds,
        lastPoll,
        lastChange,
        error,
        at,
        failingSince == null ? at : failingSince,
        mark,
        reader,
        writeErrors);
  }

  /** A read succeeded. */
  public SourceStatus succeeded(
      Outcome outcome, boolean full, Instant at, double seconds, String reader) {
    return new SourceStatus(
        mode,
        announced,
        outcome.users(),
        outcome.groups(),
        outcome.skipped(),
        full ? at : lastFullRead,
        full ? Double.valueOf(seconds) : lastFullReadSeconds,
        full ? lastPoll : at,
        outcome.changed() ? at : lastChange,
        null,
        null,
        null,
        full || outcome.mark() != null ? outcome.mark() : mark,
        reader,
        outcome.writeErrors());
  }

  public SourceStatus withMode(String value, @Nullable String announcedBy) {
    return new SourceStatus(
        value,
        announcedBy,
        users,
        groups,
        skipped,
        lastFullRead,
        lastFullReadSeconds,
        lastPoll,
        lastChange,
        lastError,
        lastErrorAt,
        failingSince,
        mark,
        readBy,
        writeErrors);
  }

  /** What one successful read found and did. */
  public record Outcome(
      long users,
      long groups,
      int skipped,
      boolean changed,
      @Nullable String mark,
      List<String> writeErrors) {}
}
