package io.scimfleet.model;

import io.scimfleet.model.FullSyncRun.Phase;
import io.scimfleet.model.FullSyncRun.Status;
import java.util.Optional;

/**
 * The one place that says which phase of a full sync follows which: a run is recorded {@code
 * PLANNED}, goes {@code USERS → GROUPS → CLEANUP} and ends {@code DONE}, {@code PARTIAL} or {@code
 * FAILED}. Every phase a run is stored with comes from here: the worker's {@code FullSyncFlow} asks
 * {@link #move} before it records a phase, and the stores end a run in {@link #ended}.
 *
 * <p>A phase may be entered again from itself (its job ran again after a crash, and page and phase
 * jobs have stable ids); a run that is still going may be abandoned from any phase; an ended run
 * moves no more. Everything else is refused: a clean-up asked for a run that has not planned its
 * groups would delete on the target what the run had not yet synced.
 */
public final class FullSyncMachine {
  /** The phase a run is recorded in, before its user pages are planned. */
  public static final Phase FIRST = Phase.PLANNED;

  /** What happens to a run. */
  public enum Event {
    /** Its user pages were planned (again, if its planner ran again). */
    USERS_PLANNED,
    /** Its group pages were planned: the user pages are all recorded. */
    GROUPS_PLANNED,
    /** Its clean-up job started: the group pages are all recorded. */
    CLEANUP_STARTED,
    /** Its clean-up ended and no object failed. */
    SUCCEEDED,
    /** Its clean-up ended and some objects failed. */
    PARTIAL,
    /** Its clean-up was stopped by the deletion guard: synced, but not cleaned up. */
    THRESHOLD_EXCEEDED,
    /** Its clean-up ended and every object failed. */
    FAILED,
    /** It was still going long after it started ({@code FullSyncPlanner.ABANDONED_AFTER}). */
    ABANDONED;

    /** The status a run ends with after this event; RUNNING for the events that don't end it. */
    public Status status() {
      return switch (this) {
        case USERS_PLANNED, GROUPS_PLANNED, CLEANUP_STARTED -> Status.RUNNING;
        case SUCCEEDED -> Status.SUCCEEDED;
        case PARTIAL -> Status.PARTIAL;
        case THRESHOLD_EXCEEDED -> Status.THRESHOLD_EXCEEDED;
        case FAILED, ABANDONED -> Status.FAILED;
      };
    }

    /** The event that ends a clean-up with this verdict ({@link FullSyncRun#verdict}). */
    public static Event verdict(Status status) {
      return switch (status) {
        case SUCCEEDED -> SUCCEEDED;
        case PARTIAL -> PARTIAL;
        case THRESHOLD_EXCEEDED -> THRESHOLD_EXCEEDED;
        case FAILED -> FAILED;
        case RUNNING -> throw new IllegalArgumentException("RUNNING is not a verdict");
      };
    }

    /** The event of planning the paged phase {@code phase} (USERS or GROUPS). */
    public static Event planned(Phase phase) {
      return switch (phase) {
        case USERS -> USERS_PLANNED;
        case GROUPS -> GROUPS_PLANNED;
        default -> throw new IllegalArgumentException(phase + " has no pages");
      };
    }
  }

  /** A transition the table does not have; the run stays where it is. */
  public static final class RefusedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RefusedException(Phase from, Event event) {
      super("a full sync in phase " + from + " cannot take " + event);
    }
  }

  private FullSyncMachine() {}

  /** The phase {@code event} moves a run in {@code from} to; empty when it is refused. */
  public static Optional<Phase> next(Phase from, Event event) {
    if (ended(from)) return Optional.empty();
    return Optional.ofNullable(
        switch (event) {
          case USERS_PLANNED -> from == Phase.PLANNED || from == Phase.USERS ? Phase.USERS : null;
          case GROUPS_PLANNED -> from == Phase.USERS || from == Phase.GROUPS ? Phase.GROUPS : null;
          case CLEANUP_STARTED ->
              from == Phase.GROUPS || from == Phase.CLEANUP ? Phase.CLEANUP : null;
          case SUCCEEDED, PARTIAL, THRESHOLD_EXCEEDED, FAILED ->
              from == Phase.CLEANUP ? ended(event.status()) : null;
          case ABANDONED -> ended(event.status());
        });
  }

  /**
   * The phase {@code event} moves a run in {@code from} to.
   *
   * @throws RefusedException when the table has no such transition
   */
  public static Phase move(Phase from, Event event) {
    return next(from, event).orElseThrow(() -> new RefusedException(from, event));
  }

  /**
   * The phase a run that goes well enters after {@code phase}: the next job the flow enqueues. An
   * ended phase is its own successor.
   */
  public static Phase after(Phase phase) {
    return switch (phase) {
      case PLANNED -> Phase.USERS;
      case USERS -> Phase.GROUPS;
      case GROUPS -> Phase.CLEANUP;
      case CLEANUP -> Phase.DONE;
      case DONE, PARTIAL, FAILED -> phase;
    };
  }

  /**
   * True when a run in {@code current} is already past {@code asked}: a job for {@code asked} that
   * runs again after a crash finds nothing to do (the phases go in declaration order).
   */
  public static boolean past(Phase current, Phase asked) {
    return current.compareTo(asked) > 0;
  }

  /** True for the phases a run ends in. */
  public static boolean ended(Phase phase) {
    return phase == Phase.DONE || phase == Phase.PARTIAL || phase == Phase.FAILED;
  }

  /**
   * The phase a run ends in with {@code status}: DONE when it succeeded, PARTIAL when some objects
   * failed or the deletion guard held its clean-up, FAILED when every object failed or it was
   * abandoned.
   */
  public static Phase ended(Status status) {
    return switch (status) {
      case SUCCEEDED -> Phase.DONE;
      case PARTIAL, THRESHOLD_EXCEEDED -> Phase.PARTIAL;
      case FAILED -> Phase.FAILED;
      case RUNNING -> throw new IllegalArgumentException("a running run has not ended");
    };
  }
}
