package io.scimfleet.scheduler.http;

import io.scimfleet.model.DriftMarks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A provider's drift checks in its status: when the target was last read in full, when last checked
 * for changes only, how ({@code filter}, {@code sort}, {@code listing}, {@code none}; null until
 * found out), and a full read asked for and not yet done.
 */
record DriftStatus(
    @Nullable Instant lastFullCheck,
    @Nullable Instant lastIncrementalCheck,
    @Nullable String incremental,
    @Nullable Instant fullCheckRequestedAt) {

  static DriftStatus of(DriftMarks marks) {
    return new DriftStatus(
        marks.lastFullCheck(),
        marks.lastIncrementalCheck(),
        marks.incremental() == null ? null : marks.incremental().label(),
        marks.fullRequested() ? marks.fullRequestedAt() : null);
  }
}
