package io.scimfleet.store;

import io.scimfleet.model.DriftMarks;
import io.scimfleet.model.FullSyncFollowUp;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Sync state in memory, guarded by one monitor. Like the Redis store, a run's counts are kept apart
 * from the run (by run id) and merged into it when it is read.
 */
public final class InMemorySyncStateStore implements SyncStateStore {
  /** A run keeps its first this many errors. */
  public static final int MAX_RUN_ERRORS = 20;

  private final Map<String, NavigableMap<String, ObjectSyncState>> states = new HashMap<>();
  private final Map<String, FullSyncRun> currentRuns = new HashMap<>();
  private final Map<String, FullSyncRun> lastRuns = new HashMap<>();
  private final Map<String, List<FullSyncRun>> recentRuns = new HashMap<>();
  private final Map<String, Tally> tallies = new HashMap<>();
  private final Map<String, FullSyncFollowUp> followUps = new HashMap<>();
  private final Map<String, DriftMarks> driftMarks = new HashMap<>();
  private final Map<String, Map<String, String>> intents = new HashMap<>();

  private final InMemoryObjectLocks locks;

  /** Fenced writes check the locks of {@code locks}. */
  public InMemorySyncStateStore(InMemoryObjectLocks locks) {
    this.locks = locks;
  }

  /** A store whose fenced writes check locks of its own (no holder: every fenced write refused). */
  public InMemorySyncStateStore() {
    this(new InMemoryObjectLocks(java.time.Clock.systemUTC()));
  }

  private static final class Tally {
    SyncCounts counts = SyncCounts.ZERO;
    final Map<String, Integer> pages = new HashMap<>();
    final List<String> errors = new ArrayList<>();
    final Map<String, Integer> failures = new HashMap<>();
  }

  @Override
  public synchronized Optional<ObjectSyncState> get(
      String provider, ObjectType type, String objectId) {
    return Optional.ofNullable(states(provider, type).get(objectId));
  }

  @Override
  public synchronized Map<String, ObjectSyncState> getAll(
      String provider, ObjectType type, Collection<String> objectIds) {
    Map<String, ObjectSyncState> found = new LinkedHashMap<>();
    NavigableMap<String, ObjectSyncState> of = states(provider, type);
    objectIds.forEach(
        id -> {
          if (of.containsKey(id)) found.put(id, of.get(id));
        });
    return found;
  }

  @Override
  public synchronized void put(ObjectSyncState state) {
    states(state.provider(), state.type()).put(state.objectId(), state);
    if (state.remoteId() != null) intents(state.provider(), state.type()).remove(state.objectId());
  }

  /** Checked and written while the locks can change no holder. */
  @Override
  public synchronized void putAll(Collection<ObjectSyncState> states, @Nullable String lockToken) {
    if (lockToken == null) {
      putAll(states);
      return;
    }
    if (states.isEmpty()) return;
    List<String> lost = locks.whileHeld(states, lockToken, () -> states.forEach(this::put));
    if (!lost.isEmpty()) {
      ObjectSyncState first = states.iterator().next();
      throw new LockLostException(first.provider(), first.type(), lost);
    }
  }

  @Override
  public synchronized void delete(String provider, ObjectType type, String objectId) {
    states(provider, type).remove(objectId);
    intents(provider, type).remove(objectId);
  }

  @Override
  public synchronized void recordCreateIntents(
      String provider, ObjectType type, Collection<String> objectIds, String attempt) {
    objectIds.forEach(id -> intents(provider, type).put(id, attempt));
  }

  @Override
  public synchronized void forgetCreateIntents(
      String provider, ObjectType type, Collection<String> objectIds) {
    intents(provider, type).keySet().removeAll(objectIds);
  }

  @Override
  public synchronized Set<String> createIntents(
      String provider, ObjectType type, Collection<String> objectIds) {
    Map<String, String> of = intents(provider, type);
    return objectIds.stream().filter(of::containsKey).collect(Collectors.toSet());
  }

  private Map<String, String> intents(String provider, ObjectType type) {
    return intents.computeIfAbsent(key(provider, type.label()), k -> new HashMap<>());
  }

  @Override
  public synchronized Page<String> objectIds(
      String provider, ObjectType type, @Nullable String cursor, int limit) {
    return InMemoryDirectoryStore.page(states(provider, type), cursor, limit);
  }

  @Override
  public synchronized long count(String provider, ObjectType type) {
    return states(provider, type).size();
  }

  @Override
  public synchronized void deleteProvider(String provider) {
    for (ObjectType type : ObjectType.values()) {
      states.remove(key(provider, type.label()));
      intents.remove(key(provider, type.label()));
    }
    currentRuns.remove(provider);
    lastRuns.remove(provider);
    recentRuns.remove(provider);
    followUps.remove(provider);
    driftMarks.remove(provider);
    tallies.keySet().removeIf(key -> key.startsWith(provider + "\u0000"));
  }

  @Override
  public synchronized boolean startRun(FullSyncRun run) {
    FullSyncRun current = currentRuns.get(run.provider());
    if (current != null && current.running()) return false;
    currentRuns.put(run.provider(), run);
    tallies.put(key(run.provider(), run.runId()), new Tally());
    return true;
  }

  @Override
  public synchronized Optional<FullSyncRun> currentRun(String provider) {
    return Optional.ofNullable(currentRuns.get(provider)).map(this::withTally);
  }

  @Override
  public synchronized Optional<FullSyncRun> lastRun(String provider) {
    return Optional.ofNullable(lastRuns.get(provider));
  }

  /** Ignored unless the run is the provider's current one. */
  @Override
  public synchronized void updateRun(FullSyncRun run) {
    if (isCurrent(run.provider(), run.runId())) currentRuns.put(run.provider(), run);
  }

  @Override
  public synchronized int addPageResult(
      String provider, String runId, String page, SyncCounts counts, Collection<String> errors) {
    Tally tally = tallies.computeIfAbsent(key(provider, runId), k -> new Tally());
    Integer recorded = tally.pages.get(page);
    if (recorded != null) return recorded;
    tally.counts = tally.counts.plus(counts);
    errors.stream()
        .limit(Math.max(0, MAX_RUN_ERRORS - tally.errors.size()))
        .forEach(tally.errors::add);
    tally.pages.put(page, tally.pages.size() + 1);
    return tally.pages.size();
  }

  /** Ignored unless the run is current, so that finishing twice is harmless. */
  @Override
  public synchronized void finishRun(
      String provider,
      String runId,
      FullSyncRun.Status status,
      @Nullable String message,
      Instant at) {
    if (!isCurrent(provider, runId)) return;
    FullSyncRun run = withTally(Objects.requireNonNull(currentRuns.remove(provider)));
    tallies.remove(key(provider, runId));
    FullSyncRun finished = run.finished(status, message, at);
    lastRuns.put(provider, finished);
    List<FullSyncRun> recent = recentRuns.computeIfAbsent(provider, p -> new ArrayList<>());
    recent.add(0, finished);
    if (recent.size() > RECENT_RUNS) recent.remove(RECENT_RUNS);
  }

  @Override
  public synchronized List<FullSyncRun> recentRuns(String provider) {
    return List.copyOf(recentRuns.getOrDefault(provider, List.of()));
  }

  @Override
  public synchronized int pageFailed(String provider, String runId, String page) {
    Tally tally = tallies.computeIfAbsent(key(provider, runId), k -> new Tally());
    return tally.failures.merge(page, 1, Integer::sum);
  }

  @Override
  public synchronized FullSyncFollowUp queueFollowUp(String provider, FullSyncFollowUp request) {
    return followUps.merge(provider, request, FullSyncFollowUp::folding);
  }

  @Override
  public synchronized Optional<FullSyncFollowUp> followUp(String provider) {
    return Optional.ofNullable(followUps.get(provider));
  }

  @Override
  public synchronized Optional<FullSyncFollowUp> takeFollowUp(String provider, String runId) {
    FullSyncFollowUp waiting = followUps.get(provider);
    if (waiting == null || !waiting.runId().equals(runId)) return Optional.empty();
    followUps.remove(provider);
    return Optional.of(waiting);
  }

  private boolean isCurrent(String provider, String runId) {
    FullSyncRun current = currentRuns.get(provider);
    return current != null && current.runId().equals(runId);
  }

  private FullSyncRun withTally(FullSyncRun run) {
    Tally tally = tallies.getOrDefault(key(run.provider(), run.runId()), new Tally());
    return run.withTally(tally.pages.size(), tally.counts, tally.errors);
  }

  private NavigableMap<String, ObjectSyncState> states(String provider, ObjectType type) {
    return states.computeIfAbsent(key(provider, type.label()), k -> new TreeMap<>());
  }

  private static String key(String provider, String part) {
    return provider + "\u0000" + part;
  }

  @Override
  public synchronized DriftMarks driftMarks(String provider) {
    return driftMarks.getOrDefault(provider, DriftMarks.NONE);
  }

  /**
   * As Redis does: a put keeps the full read asked for, which only {@link #requestFullDriftCheck}
   * sets.
   */
  @Override
  public synchronized void putDriftMarks(String provider, DriftMarks marks) {
    driftMarks.put(provider, marks.withFullRequestedAt(driftMarks(provider).fullRequestedAt()));
  }

  @Override
  public synchronized void requestFullDriftCheck(String provider, Instant at) {
    driftMarks.put(provider, driftMarks(provider).withFullRequestedAt(at));
  }
}
