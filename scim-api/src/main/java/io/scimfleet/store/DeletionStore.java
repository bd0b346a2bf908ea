package io.scimfleet.store;

import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.ObjectType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The deletion guard's memory per provider: the removals sent within a sliding window, and the
 * removals held back because they would have gone beyond the provider's deletion threshold.
 */
public interface DeletionStore {

  /**
   * A removal to count: a delete ({@code leavesTarget}: the object leaves the target) or a
   * deactivation.
   */
  record Removal(String provider, ObjectType type, String objectId, boolean leavesTarget) {}

  /**
   * The provider's deletion threshold: at most {@code percent} of the objects it held on the target
   * within each {@code window}; {@code onTarget} is how many it holds now.
   */
  record Threshold(int percent, long onTarget, Duration window) {}

  /**
   * Counts one removal in the provider's window, if the window's removals stay within the
   * threshold's percent of the objects the provider held on the target when the window began:
   * {@code onTarget} (held now) plus the removals in the window that took an object off the target.
   * Entries older than the window are forgotten first. An object already counted in the window is
   * admitted again (a job that ran twice). Atomic across workers.
   *
   * @return true: send it; false: hold it
   */
  boolean admit(Removal removal, Threshold threshold, Instant now);

  /**
   * As {@link #admit(Removal, Threshold, Instant)}, with the removal and the threshold spelled out.
   *
   * @param leavesTarget true for a delete (the object leaves {@code onTarget}), false for a
   *     deactivation
   */
  default boolean admit(
      String provider,
      ObjectType type,
      String objectId,
      boolean leavesTarget,
      int percent,
      long onTarget,
      Duration window,
      Instant now) {
    return admit(
        new Removal(provider, type, objectId, leavesTarget),
        new Threshold(percent, onTarget, window),
        now);
  }

  /**
   * Holds a removal; one held already for the object keeps its first {@code heldAt} and takes the
   * new remote id.
   */
  void hold(HeldDeletion deletion);

  long heldCount(String provider);

  /** The provider's held removals, oldest first, at most {@code limit}. */
  List<HeldDeletion> held(String provider, int limit);

  /** Forgets one held removal (sent, or no longer wanted); false when none was held. */
  boolean unhold(String provider, ObjectType type, String objectId);

  /** Forgets every held removal of the provider; returns how many there were. */
  long dropHeld(String provider);

  /** Removes the provider's window and held removals (when the provider is deleted). */
  void deleteProvider(String provider);
}
