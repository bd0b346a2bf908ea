package io.scimfleet.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One full sync of one provider: its phase, its pages and what its page jobs counted. A run goes
 * {@code PLANNED → USERS → GROUPS → CLEANUP → DONE | PARTIAL | FAILED}, as {@link FullSyncMachine}
 * allows; the with-methods below are the only changes a run undergoes (planned, moved, tallied,
 * finished), so a new component is added here and nowhere else.
 *
 * @param errors the first few readable errors of the run (bounded)
 */
public record FullSyncRun(
    String runId,
    String provider,
    Status status,
    Phase phase,
    Instant startedAt,
    @Nullable Instant finishedAt,
    int userPages,
    int groupPages,
    int pagesDone,
    SyncCounts counts,
    List<String> errors,
    @Nullable String message) {

  /**
   * {@code PARTIAL}: some objects failed (a page that failed for good counts each of its objects
   * failed); {@code FAILED}: every object did, or the run was abandoned.
   */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    PARTIAL,
    FAILED,
    THRESHOLD_EXCEEDED
  }

  /**
   * Where a run is: recorded, its paged phases, its clean-up, and how it ended (DONE, PARTIAL or
   * FAILED, from its {@link Status}). Which follows which is {@link FullSyncMachine}'s.
   */
  public enum Phase {
    PLANNED,
    USERS,
    GROUPS,
    CLEANUP,
    DONE,
    PARTIAL,
    FAILED;

    /** The phase a run that goes well enters after this one ({@link FullSyncMachine#after}). */
    public Phase next() {
      return FullSyncMachine.after(this);
    }

    /** The paged phase whose pages hold objects of this type. */
    public static Phase of(ObjectType type) {
      return type == ObjectType.USER ? USERS : GROUPS;
    }
  }

  public FullSyncRun {
    counts = counts == null ? SyncCounts.ZERO : counts;
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static FullSyncRun started(String runId, String provider, Instant at) {
    return new FullSyncRun(
        runId,
        provider,
        Status.RUNNING,
        FullSyncMachine.FIRST,
        at,
        null,
        0,
        0,
        0,
        SyncCounts.ZERO,
        List.of(),
        null);
  }

  public boolean running() {
    return status == Status.RUNNING;
  }

  /**
   * In the paged phase {@code phase} (USERS or GROUPS) with its {@code pages} planned. Sets what it
   * is given: the flow asks {@link FullSyncMachine#move} first.
   */
  public FullSyncRun planned(Phase phase, int pages) {
    if (phase != Phase.USERS && phase != Phase.GROUPS)
      throw new IllegalArgumentException(phase + " has no pages");
    int users = phase == Phase.USERS ? pages : userPages;
    int groups = phase == Phase.GROUPS ? pages : 0;
    return copy(users, groups, pagesDone, phase, status, null, null, counts, errors);
  }

  /**
   * The phase that starts once the page of {@code type} recorded at {@code place} (1 for the run's
   * first page; user pages come first) is recorded: present only for the last page of its phase.
   */
  public Optional<Phase> phaseEndedBy(ObjectType type, int place) {
    Phase phase = Phase.of(type);
    int last = phase == Phase.USERS ? userPages : userPages + groupPages;
    return place == last ? Optional.of(phase.next()) : Optional.empty();
  }

  /** With what its pages counted so far. */
  public FullSyncRun withTally(int pagesDone, SyncCounts counts, List<String> errors) {
    return copy(
        userPages, groupPages, pagesDone, phase, status, finishedAt, message, counts, errors);
  }

  /** Without what its pages counted (the store keeps those apart). */
  public FullSyncRun withoutTally() {
    return withTally(0, SyncCounts.ZERO, List.of());
  }

  /**
   * How the run ends once its clean-up is over ({@code cleanedUp}: false when the deletion guard
   * stopped it): THRESHOLD_EXCEEDED, else by what its pages counted.
   */
  public Status verdict(boolean cleanedUp) {
    if (!cleanedUp) return Status.THRESHOLD_EXCEEDED;
    if (counts.failed() == 0) return Status.SUCCEEDED;
    return counts.failed() == counts.total() ? Status.FAILED : Status.PARTIAL;
  }

  /** The message the run ends with: the clean-up's, and with failures how many and the first. */
  public @Nullable String verdictMessage(@Nullable String cleanupMessage) {
    if (counts.failed() == 0) return cleanupMessage;
    String failed =
        counts.failed()
            + " of "
            + counts.total()
            + " objects failed"
            + (errors.isEmpty() ? "" : ", first: " + errors.get(0));
    return cleanupMessage == null ? failed : cleanupMessage + "; " + failed;
  }

  /** In the phase {@code event} moves it to; throws when {@link FullSyncMachine} refuses it. */
  public FullSyncRun moved(FullSyncMachine.Event event) {
    Phase to = FullSyncMachine.move(phase, event);
    return copy(userPages, groupPages, pagesDone, to, status, finishedAt, message, counts, errors);
  }

  /**
   * Ended with {@code status} at {@code at}, in the phase it ends ({@link FullSyncMachine#ended}).
   */
  public FullSyncRun finished(Status status, @Nullable String message, Instant at) {
    Phase ended = FullSyncMachine.ended(status);
    return copy(userPages, groupPages, pagesDone, ended, status, at, message, counts, errors);
  }

  /** This run (same id, provider and start) with everything else as given. */
  private FullSyncRun copy(
      int userPages,
      int groupPages,
      int pagesDone,
      Phase phase,
      Status status,
      @Nullable Instant finishedAt,
      @Nullable String message,
      SyncCounts counts,
      List<String> errors) {
    return new FullSyncRun(
        runId,
        provider,
        status,
        phase,
        startedAt,
        finishedAt,
        userPages,
        groupPages,
        pagesDone,
        counts,
        errors,
        message);
  }
}
