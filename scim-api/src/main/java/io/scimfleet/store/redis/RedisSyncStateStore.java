package io.scimfleet.store.redis;

import static io.scimfleet.store.redis.RedisCommands.committed;
import static io.scimfleet.store.redis.RedisCommands.unwatched;

import io.scimfleet.model.DriftMarks;
import io.scimfleet.model.FullSyncFollowUp;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.store.LockLostException;
import io.scimfleet.store.Page;
import io.scimfleet.store.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;

/**
 * Sync state per (provider, type): a hash object id → compact JSON, and a lexically sorted set of
 * the same ids for cursor paging, both written in one MULTI. A provider's full-sync run is a JSON
 * key for the current run and one for the last; the pages a run recorded are a hash (page to its
 * place), its counts a hash incremented once per page (HINCRBY) and its first errors a capped list,
 * merged into the run when it is read.
 */
public final class RedisSyncStateStore implements SyncStateStore {
  /** A run keeps its first this many errors. */
  public static final int MAX_RUN_ERRORS = 20;

  /**
   * KEYS: pages, counts, errors; ARGV: page, ttl, max errors, n, n (outcome, count) pairs, errors.
   */
  private static final RedisScript ADD_PAGE_RESULT =
      new RedisScript(
          """
      local place = redis.call('HGET', KEYS[1], ARGV[1])
      if place then return tonumber(place) end
      place = redis.call('HLEN', KEYS[1]) + 1
      redis.call('HSET', KEYS[1], ARGV[1], place)
      redis.call('EXPIRE', KEYS[1], ARGV[2])
      local outcomes = tonumber(ARGV[4])
      for i = 0, outcomes - 1 do
        redis.call('HINCRBY', KEYS[2], ARGV[5 + 2 * i], ARGV[6 + 2 * i])
      end
      if outcomes > 0 then redis.call('EXPIRE', KEYS[2], ARGV[2]) end
      local firstError = 5 + 2 * outcomes
      if #ARGV >= firstError then
        redis.call('RPUSH', KEYS[3], unpack(ARGV, firstError))
        redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[3]) - 1)
        redis.call('EXPIRE', KEYS[3], ARGV[2])
      end
      return place
      """);

  /**
   * KEYS: per state its lock, states hash, ids set, intents hash; ARGV: token, then per state its
   * id, JSON and 1 when it has a remote id. Writes nothing and returns the ids whose lock does not
   * hold the token, if any; else writes them all and returns an empty list.
   */
  private static final RedisScript PUT_FENCED =
      new RedisScript(
          """
      local lost = {}
      for i = 0, #KEYS / 4 - 1 do
        if redis.call('GET', KEYS[4 * i + 1]) ~= ARGV[1] then
          table.insert(lost, ARGV[3 * i + 2])
        end
      end
      if #lost > 0 then return lost end
      for i = 0, #KEYS / 4 - 1 do
        local id = ARGV[3 * i + 2]
        redis.call('HSET', KEYS[4 * i + 2], id, ARGV[3 * i + 3])
        redis.call('ZADD', KEYS[4 * i + 3], 0, id)
        if ARGV[3 * i + 4] == '1' then redis.call('HDEL', KEYS[4 * i + 4], id) end
      end
      return lost
      """);

  /** KEYS: follow-up; ARGV: run id, force (1 or 0), requested at. Returns the waiting one. */
  private static final RedisScript QUEUE_FOLLOW_UP =
      new RedisScript(
          """
      if redis.call('EXISTS', KEYS[1]) == 0 then
        redis.call('HSET', KEYS[1], 'runId', ARGV[1], 'force', ARGV[2], 'requestedAt', ARGV[3])
      elseif ARGV[2] == '1' then
        redis.call('HSET', KEYS[1], 'force', '1')
      end
      return redis.call('HMGET', KEYS[1], 'runId', 'force', 'requestedAt')
      """);

  /** KEYS: follow-up; ARGV: run id. Removes and returns it when it has that run id. */
  private static final RedisScript TAKE_FOLLOW_UP =
      new RedisScript(
          """
      if redis.call('HGET', KEYS[1], 'runId') ~= ARGV[1] then return nil end
      local waiting = redis.call('HMGET', KEYS[1], 'runId', 'force', 'requestedAt')
      redis.call('DEL', KEYS[1])
      return waiting
      """);

  /**
   * Counts of a run nobody finishes (a scheduler that died) disappear after this long without
   * pages.
   */
  private static final Duration RUN_COUNTS_TTL = Duration.ofDays(7);

  private final RedisCommands redis;
  private final RedisKeys keys;

  public RedisSyncStateStore(JedisPool pool, RedisKeys keys) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
  }

  @Override
  public Optional<ObjectSyncState> get(String provider, ObjectType type, String objectId) {
    String json =
        redis.call("get sync state", j -> j.hget(keys.syncStates(provider, type), objectId));
    return Optional.ofNullable(StoredSyncState.read(provider, type, objectId, json));
  }

  /** One HMGET; the map keeps the order of {@code objectIds}. */
  @Override
  public Map<String, ObjectSyncState> getAll(
      String provider, ObjectType type, Collection<String> objectIds) {
    if (objectIds.isEmpty()) return Map.of();
    List<String> ids = List.copyOf(objectIds);
    List<String> json =
        redis.call(
            "get " + ids.size() + " sync states",
            j -> j.hmget(keys.syncStates(provider, type), ids.toArray(String[]::new)));
    Map<String, ObjectSyncState> states = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      if (json.get(i) != null)
        states.put(ids.get(i), StoredSyncState.read(provider, type, ids.get(i), json.get(i)));
    }
    return states;
  }

  @Override
  public void put(ObjectSyncState state) {
    String json = StoredSyncState.write(state);
    redis.transaction(
        "put sync state",
        t -> {
          t.hset(keys.syncStates(state.provider(), state.type()), state.objectId(), json);
          t.zadd(keys.syncIds(state.provider(), state.type()), 0, state.objectId());
          if (state.remoteId() != null)
            t.hdel(keys.createIntents(state.provider(), state.type()), state.objectId());
        });
  }

  /** One MULTI/EXEC for them all. */
  @Override
  public void putAll(Collection<ObjectSyncState> states) {
    if (states.isEmpty()) return;
    List<String[]> writes =
        states.stream()
            .map(
                state ->
                    new String[] {
                      keys.syncStates(state.provider(), state.type()),
                      keys.syncIds(state.provider(), state.type()),
                      state.objectId(),
                      StoredSyncState.write(state),
                      state.remoteId() == null
                          ? null
                          : keys.createIntents(state.provider(), state.type())
                    })
            .toList();
    redis.transaction(
        "put " + writes.size() + " sync states",
        t ->
            writes.forEach(
                w -> {
                  t.hset(w[0], w[2], w[3]);
                  t.zadd(w[1], 0, w[2]);
                  if (w[4] != null) t.hdel(w[4], w[2]);
                }));
  }

  /**
   * One script checks every object's lock key against the token and, only if all hold it, writes
   * every state (the states of one provider share its hash slot with its locks).
   */
  @Override
  public void putAll(Collection<ObjectSyncState> states, @Nullable String lockToken) {
    if (lockToken == null) {
      putAll(states);
      return;
    }
    if (states.isEmpty()) return;
    List<String> scriptKeys = new ArrayList<>();
    List<String> args = new ArrayList<>();
    args.add(lockToken);
    for (ObjectSyncState state : states) {
      scriptKeys.add(keys.lock(state.provider(), state.type(), state.objectId()));
      scriptKeys.add(keys.syncStates(state.provider(), state.type()));
      scriptKeys.add(keys.syncIds(state.provider(), state.type()));
      scriptKeys.add(keys.createIntents(state.provider(), state.type()));
      args.add(state.objectId());
      args.add(StoredSyncState.write(state));
      args.add(state.remoteId() == null ? "0" : "1");
    }
    Object lost =
        redis.call(
            "put " + states.size() + " fenced sync states",
            j -> PUT_FENCED.run(j, scriptKeys, args));
    if (lost instanceof List<?> ids && !ids.isEmpty()) {
      ObjectSyncState first = states.iterator().next();
      throw new LockLostException(
          first.provider(), first.type(), ids.stream().map(String::valueOf).toList());
    }
  }

  @Override
  public void delete(String provider, ObjectType type, String objectId) {
    redis.transaction(
        "delete sync state",
        t -> {
          t.hdel(keys.syncStates(provider, type), objectId);
          t.zrem(keys.syncIds(provider, type), objectId);
          t.hdel(keys.createIntents(provider, type), objectId);
        });
  }

  @Override
  public void recordCreateIntents(
      String provider, ObjectType type, Collection<String> objectIds, String attempt) {
    if (objectIds.isEmpty()) return;
    Map<String, String> fields = new LinkedHashMap<>();
    objectIds.forEach(id -> fields.put(id, attempt));
    redis.run(
        "record " + fields.size() + " create intents",
        j -> j.hset(keys.createIntents(provider, type), fields));
  }

  @Override
  public void forgetCreateIntents(String provider, ObjectType type, Collection<String> objectIds) {
    if (objectIds.isEmpty()) return;
    redis.run(
        "forget " + objectIds.size() + " create intents",
        j -> j.hdel(keys.createIntents(provider, type), objectIds.toArray(String[]::new)));
  }

  @Override
  public Set<String> createIntents(String provider, ObjectType type, Collection<String> objectIds) {
    if (objectIds.isEmpty()) return Set.of();
    List<String> ids = List.copyOf(objectIds);
    List<String> found =
        redis.call(
            "read " + ids.size() + " create intents",
            j -> j.hmget(keys.createIntents(provider, type), ids.toArray(String[]::new)));
    Set<String> intended = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) if (found.get(i) != null) intended.add(ids.get(i));
    return intended;
  }

  @Override
  public Page<String> objectIds(
      String provider, ObjectType type, @Nullable String cursor, int limit) {
    return redis.call(
        "page synced ids", j -> RedisPages.byLex(j, keys.syncIds(provider, type), cursor, limit));
  }

  @Override
  public long count(String provider, ObjectType type) {
    return redis.call("count sync states", j -> j.zcard(keys.syncIds(provider, type)));
  }

  /** SCANs the provider's key prefix and unlinks what it finds (a provider's keys are few). */
  @Override
  public void deleteProvider(String provider) {
    redis.run(
        "delete the sync state of " + provider,
        j -> RedisPages.unlinkMatching(j, keys.syncPattern(provider)));
  }

  // --- full-sync runs ---------------------------------------------------------------------

  @Override
  public boolean startRun(FullSyncRun run) {
    String key = keys.currentRun(run.provider());
    return redis.optimistic(
        "start a run of " + run.provider(),
        j -> {
          j.watch(key);
          FullSyncRun current = RedisJson.read(j.get(key), FullSyncRun.class);
          if (current != null && current.running()) return unwatched(j, false);
          Transaction t = j.multi();
          t.set(key, RedisJson.write(run.withoutTally())); // the tallies live in their own keys
          t.del(
              keys.runPages(run.provider(), run.runId()),
              keys.runCounts(run.provider(), run.runId()),
              keys.runErrors(run.provider(), run.runId()),
              keys.runFailures(run.provider(), run.runId()));
          return committed(t, true);
        });
  }

  @Override
  public Optional<FullSyncRun> currentRun(String provider) {
    return Optional.ofNullable(
        redis.call(
            "read the current run of " + provider,
            j -> {
              FullSyncRun run = RedisJson.read(j.get(keys.currentRun(provider)), FullSyncRun.class);
              return run == null ? null : withTallies(j, run);
            }));
  }

  @Override
  public Optional<FullSyncRun> lastRun(String provider) {
    return Optional.ofNullable(
        RedisJson.read(
            redis.call("read the last run of " + provider, j -> j.get(keys.lastRun(provider))),
            FullSyncRun.class));
  }

  /**
   * Ignored unless the run is the provider's current one (a late duplicate job changes nothing).
   */
  @Override
  public void updateRun(FullSyncRun run) {
    String key = keys.currentRun(run.provider());
    redis.optimistic(
        "update the run of " + run.provider(),
        j -> {
          j.watch(key);
          if (!isCurrent(j, run.provider(), run.runId())) return unwatched(j, false);
          Transaction t = j.multi();
          t.set(key, RedisJson.write(run.withoutTally())); // the tallies live in their own keys
          return committed(t, true);
        });
  }

  /**
   * One script: a page already in the run's pages hash returns its place and adds nothing; a new
   * one takes the next place, HINCRBYs each non-zero outcome and RPUSHes (and trims) its errors.
   */
  @Override
  public int addPageResult(
      String provider, String runId, String page, SyncCounts counts, Collection<String> errors) {
    List<String> keys =
        List.of(
            this.keys.runPages(provider, runId),
            this.keys.runCounts(provider, runId),
            this.keys.runErrors(provider, runId));
    List<String> args =
        new ArrayList<>(
            List.of(
                page, Long.toString(RUN_COUNTS_TTL.toSeconds()), Integer.toString(MAX_RUN_ERRORS)));
    List<String> outcomes = new ArrayList<>();
    counts
        .asMap()
        .forEach(
            (outcome, n) -> {
              if (n != 0) outcomes.addAll(List.of(outcome.label(), Long.toString(n)));
            });
    args.add(Integer.toString(outcomes.size() / 2));
    args.addAll(outcomes);
    args.addAll(errors);
    Object place =
        redis.call(
            "add page " + page + " to run " + runId, j -> ADD_PAGE_RESULT.run(j, keys, args));
    return Math.toIntExact((Long) place);
  }

  @Override
  public List<FullSyncRun> recentRuns(String provider) {
    return redis
        .call(
            "read the recent runs of " + provider,
            j -> j.lrange(keys.recentRuns(provider), 0, RECENT_RUNS - 1L))
        .stream()
        .map(json -> RedisJson.read(json, FullSyncRun.class))
        .toList();
  }

  /** Ignored unless the run is current, so that finishing twice is harmless. */
  @Override
  public void finishRun(
      String provider,
      String runId,
      FullSyncRun.Status status,
      @Nullable String message,
      Instant at) {
    String currentKey = keys.currentRun(provider);
    String pagesKey = keys.runPages(provider, runId);
    String countsKey = keys.runCounts(provider, runId);
    String errorsKey = keys.runErrors(provider, runId);
    String failuresKey = keys.runFailures(provider, runId);
    redis.optimistic(
        "finish run " + runId,
        j -> {
          j.watch(currentKey, pagesKey, countsKey, errorsKey);
          FullSyncRun current = RedisJson.read(j.get(currentKey), FullSyncRun.class);
          if (current == null || !current.runId().equals(runId)) return unwatched(j, false);
          FullSyncRun finished = withTallies(j, current).finished(status, message, at);
          Transaction t = j.multi();
          t.set(keys.lastRun(provider), RedisJson.write(finished));
          t.lpush(keys.recentRuns(provider), RedisJson.write(finished));
          t.ltrim(keys.recentRuns(provider), 0, RECENT_RUNS - 1L);
          t.del(currentKey, pagesKey, countsKey, errorsKey, failuresKey);
          return committed(t, true);
        });
  }

  @Override
  public int pageFailed(String provider, String runId, String page) {
    String key = keys.runFailures(provider, runId);
    List<Object> replies =
        redis.call(
            "count a failure of page " + page,
            j -> {
              Transaction t = j.multi();
              t.hincrBy(key, page, 1);
              t.expire(key, RUN_COUNTS_TTL.toSeconds());
              return t.exec();
            });
    return Math.toIntExact((Long) replies.get(0));
  }

  @Override
  public FullSyncFollowUp queueFollowUp(String provider, FullSyncFollowUp request) {
    List<String> args =
        List.of(request.runId(), request.force() ? "1" : "0", request.requestedAt().toString());
    Object waiting =
        redis.call(
            "queue a full sync of " + provider,
            j -> QUEUE_FOLLOW_UP.run(j, List.of(keys.followUp(provider)), args));
    return followUp(waiting);
  }

  @Override
  public Optional<FullSyncFollowUp> followUp(String provider) {
    List<String> fields =
        redis.call(
            "read the follow-up of " + provider,
            j -> j.hmget(keys.followUp(provider), "runId", "force", "requestedAt"));
    return fields.get(0) == null ? Optional.empty() : Optional.of(followUp(fields));
  }

  @Override
  public Optional<FullSyncFollowUp> takeFollowUp(String provider, String runId) {
    Object taken =
        redis.call(
            "take the follow-up of " + provider,
            j -> TAKE_FOLLOW_UP.run(j, List.of(keys.followUp(provider)), List.of(runId)));
    return Optional.ofNullable(taken).map(RedisSyncStateStore::followUp);
  }

  private static FullSyncFollowUp followUp(Object fields) {
    List<?> values = (List<?>) fields;
    return new FullSyncFollowUp(
        String.valueOf(values.get(0)),
        "1".equals(values.get(1)),
        Instant.parse(String.valueOf(values.get(2))));
  }

  // --- drift checks ------------------------------------------------------------------------

  @Override
  public DriftMarks driftMarks(String provider) {
    Map<String, String> hash =
        redis.call(
            "read the drift marks of " + provider, j -> j.hgetAll(keys.driftMarks(provider)));
    Map<ObjectType, DriftMarks.TypeMarks> types = new EnumMap<>(ObjectType.class);
    for (ObjectType type : ObjectType.values()) {
      String since = hash.get("since:" + type.label());
      String unmanaged = hash.get("unmanaged:" + type.label());
      if (since != null || unmanaged != null)
        types.put(
            type,
            new DriftMarks.TypeMarks(
                instant(since), unmanaged == null ? -1 : Long.parseLong(unmanaged)));
    }
    return new DriftMarks(
        instant(hash.get("lastFull")),
        instant(hash.get("lastIncremental")),
        instant(hash.get("fullRequested")),
        DriftMarks.Incremental.parse(hash.get("incremental")),
        types);
  }

  /** One MULTI: every field but {@code fullRequested} removed, then the marks' set. */
  @Override
  public void putDriftMarks(String provider, DriftMarks marks) {
    String key = keys.driftMarks(provider);
    Map<String, String> fields = new HashMap<>();
    if (marks.lastFullCheck() != null) fields.put("lastFull", marks.lastFullCheck().toString());
    if (marks.lastIncrementalCheck() != null)
      fields.put("lastIncremental", marks.lastIncrementalCheck().toString());
    if (marks.incremental() != null) fields.put("incremental", marks.incremental().label());
    List<String> stale = new ArrayList<>(List.of("lastFull", "lastIncremental", "incremental"));
    for (ObjectType type : ObjectType.values()) {
      DriftMarks.TypeMarks of = marks.of(type);
      stale.add("since:" + type.label());
      stale.add("unmanaged:" + type.label());
      if (of.since() != null) fields.put("since:" + type.label(), of.since().toString());
      if (of.unmanaged() >= 0)
        fields.put("unmanaged:" + type.label(), Long.toString(of.unmanaged()));
    }
    redis.run(
        "record the drift marks of " + provider,
        j -> {
          Transaction t = j.multi();
          t.hdel(key, stale.toArray(String[]::new));
          if (!fields.isEmpty()) t.hset(key, fields);
          t.exec();
        });
  }

  @Override
  public void requestFullDriftCheck(String provider, Instant at) {
    redis.run(
        "ask a full drift check of " + provider,
        j -> j.hset(keys.driftMarks(provider), "fullRequested", at.toString()));
  }

  private static @Nullable Instant instant(@Nullable String value) {
    return value == null ? null : Instant.parse(value);
  }

  private boolean isCurrent(Jedis j, String provider, String runId) {
    FullSyncRun current = RedisJson.read(j.get(keys.currentRun(provider)), FullSyncRun.class);
    return current != null && current.runId().equals(runId);
  }

  private FullSyncRun withTallies(Jedis j, FullSyncRun run) {
    Map<String, String> hash = j.hgetAll(keys.runCounts(run.provider(), run.runId()));
    List<String> errors = j.lrange(keys.runErrors(run.provider(), run.runId()), 0, -1);
    Map<SyncOutcome, Long> counts = new EnumMap<>(SyncOutcome.class);
    for (SyncOutcome outcome : SyncOutcome.values()) {
      counts.put(outcome, Long.parseLong(hash.getOrDefault(outcome.label(), "0")));
    }
    int pagesDone = Math.toIntExact(j.hlen(keys.runPages(run.provider(), run.runId())));
    return run.withTally(pagesDone, SyncCounts.fromMap(counts), errors);
  }
}
