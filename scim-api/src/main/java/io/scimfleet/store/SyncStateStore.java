package io.scimfleet.store;

import io.scimfleet.model.DriftMarks;
import io.scimfleet.model.FullSyncFollowUp;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The lasting record of every object's sync per provider, and of each provider's full syncs. */
public interface SyncStateStore {

  Optional<ObjectSyncState> get(String provider, ObjectType type, String objectId);

  /** Many states in one round trip where the store can; ids without a state are left out. */
  Map<String, ObjectSyncState> getAll(
      String provider, ObjectType type, Collection<String> objectIds);

  /**
   * Stores the state; one with a remote id also ends the object's {@link #recordCreateIntents
   * create intent}, in the same write.
   */
  void put(ObjectSyncState state);

  /** Many states in one round trip where the store can (a page's results). */
  default void putAll(Collection<ObjectSyncState> states) {
    states.forEach(this::put);
  }

  /**
   * Fenced {@link #putAll}: every state is written only while its object's lock ({@link
   * ObjectLocks}) still holds {@code lockToken}, checked and written atomically; otherwise nothing
   * is written and {@link LockLostException} names the objects whose lock was lost. A null token
   * writes unfenced.
   */
  void putAll(Collection<ObjectSyncState> states, @Nullable String lockToken);

  /** Fenced {@link #put}: see {@link #putAll(Collection, String)}. */
  default void put(ObjectSyncState state, @Nullable String lockToken) {
    putAll(List.of(state), lockToken);
  }

  /** Removes the state and any create intent of the object. */
  void delete(String provider, ObjectType type, String objectId);

  /**
   * Records, before their creates are sent, that these objects are being created on the target (by
   * {@code attempt}): until a state with a remote id is put for one, a crash may have left it
   * created there unrecorded, and a create sent again must first look for it.
   */
  void recordCreateIntents(
      String provider, ObjectType type, Collection<String> objectIds, String attempt);

  /** Ends these objects' create intents: their creates were answered with a refusal. */
  void forgetCreateIntents(String provider, ObjectType type, Collection<String> objectIds);

  /**
   * Which of these objects have a create intent (a create sent and no remote id recorded since).
   */
  Set<String> createIntents(String provider, ObjectType type, Collection<String> objectIds);

  /**
   * Object ids that have a state for this provider and type, after {@code cursor} (null: from the
   * start), ordered by id.
   */
  Page<String> objectIds(String provider, ObjectType type, @Nullable String cursor, int limit);

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
      String provider,
      String runId,
      FullSyncRun.Status status,
      @Nullable String message,
      Instant at);

  /**
   * Counts one more failure of a page of a run (atomically); returns the failures so far, 1 for the
   * first. Forgotten with the run's other tallies.
   */
  int pageFailed(String provider, String runId, String page);

  // --- a full sync asked for while one runs ------------------------------------------------

  /**
   * Records {@code request} to run once the provider's current run ends, folded into the follow-up
   * already waiting if there is one (atomically); returns the follow-up that waits now.
   */
  FullSyncFollowUp queueFollowUp(String provider, FullSyncFollowUp request);

  /** The follow-up waiting for the provider's current run to end. */
  Optional<FullSyncFollowUp> followUp(String provider);

  /**
   * Removes the waiting follow-up if it has this run id, because that run is starting; returns it
   * (atomically, so a request folded in just before is not lost: it is in what is returned).
   */
  Optional<FullSyncFollowUp> takeFollowUp(String provider, String runId);

  // --- drift checks ----------------------------------------------------------------------------

  /** What the provider's drift checks remember; {@link DriftMarks#NONE} before the first. */
  DriftMarks driftMarks(String provider);

  /**
   * Replaces what the drift checks remember, all but {@code fullRequestedAt} (only {@link
   * #requestFullDriftCheck} sets that, so a request made meanwhile is not lost).
   */
  void putDriftMarks(String provider, DriftMarks marks);

  /** The first full sync whose drift check starts after {@code at} reads the target in full. */
  void requestFullDriftCheck(String provider, Instant at);
}
