package io.scimfleet.store;

import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lasting record of every object's sync per provider, and of each provider's full syncs. */
public interface SyncStateStore {

  Optional<ObjectSyncState> get(String provider, ObjectType type, String objectId);

  /** Many states in one round trip where the store can; ids without a state are left out. */
  Map<String, ObjectSyncState> getAll(
      String provider, ObjectType type, Collection<String> objectIds);

  void put(ObjectSyncState state);

  /** Many states in one round trip where the store can (a page's results). */
  default void putAll(Collection<ObjectSyncState> states) {
    states.forEach(this::put);
  }

  void delete(String provider, ObjectType type, String objectId);

  /**
   * Object ids that have a state for this provider and type, after {@code cursor}, ordered by id.
   */
  Page<String> objectIds(String provider, ObjectType type, String cursor, int limit);

  long count(String provider, ObjectType type);

  /** Removes every state and run of the provider (when the provider is deleted). */
  void deleteProvider(String provider);

  // --- full-sync runs ---------------------------------------------------------------------

  /** Records a new run as the provider's current one; false when another run is still running. */
  boolean startRun(FullSyncRun run);

  Optional<FullSyncRun> currentRun(String provider);

  /** The last finished run. */
  Optional<FullSyncRun> lastRun(String provider);

  /** How many finished runs {@link #recentRuns} keeps per provider. */
  int RECENT_RUNS = 20;

  /** The last {@value #RECENT_RUNS} finished runs, newest first (the first is {@link #lastRun}). */
  List<FullSyncRun> recentRuns(String provider);

  /**
   * Replaces the run's phase, page totals, status, message (not its counts: see {@link
   * #addPageResult}).
   */
  void updateRun(FullSyncRun run);

  /**
   * Adds a page's counts and errors to the run atomically, once per page: a page recorded again
   * (its job ran again after a crash) adds nothing. Returns the page's place in the order the run's
   * pages were first recorded (1 for the first), the same on every call for that page; so the page
   * that completed a phase, and only that page, sees the phase's total.
   *
   * @param page names the page within the run, e.g. {@code user:3}
   */
  int addPageResult(
      String provider, String runId, String page, SyncCounts counts, Collection<String> errors);

  /** Moves the current run to {@link #lastRun} with this status, at this time. */
  void finishRun(
      String provider, String runId, FullSyncRun.Status status, String message, Instant at);
}
