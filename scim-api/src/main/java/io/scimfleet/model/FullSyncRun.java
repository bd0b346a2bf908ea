package io.scimfleet.model;

import java.time.Instant;
import java.util.List;

/**
 * One full sync of one provider: its phase, its pages and what its page jobs counted.
 *
 * @param errors the first few readable errors of the run (bounded)
 */
public record FullSyncRun(
    String runId,
    String provider,
    Status status,
    Phase phase,
    Instant startedAt,
    Instant finishedAt,
    int userPages,
    int groupPages,
    int pagesDone,
    SyncCounts counts,
    List<String> errors,
    String message) {

  public enum Status { RUNNING, SUCCEEDED, FAILED, THRESHOLD_EXCEEDED }

  public enum Phase { USERS, GROUPS, CLEANUP, DONE }

  public FullSyncRun {
    counts = counts == null ? SyncCounts.ZERO : counts;
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static FullSyncRun started(String runId, String provider, Instant at) {
    return new FullSyncRun(runId, provider, Status.RUNNING, Phase.USERS, at, null, 0, 0, 0, SyncCounts.ZERO,
        List.of(), null);
  }

  public boolean running() {
    return status == Status.RUNNING;
  }
}
