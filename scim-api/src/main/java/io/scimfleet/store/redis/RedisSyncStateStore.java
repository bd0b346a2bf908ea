package io.scimfleet.store.redis;

import static io.scimfleet.store.redis.RedisCommands.committed;
import static io.scimfleet.store.redis.RedisCommands.unwatched;

import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.store.Page;
import io.scimfleet.store.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Sync state per (provider, type): a hash object id → compact JSON, and a lexically sorted set of
 * the same ids for cursor paging, both written in one MULTI. A provider's full-sync run is a JSON
 * key for the current run and one for the last; the counts of a run are a hash incremented by its
 * page jobs (HINCRBY) and its first errors a capped list, merged into the run when it is read.
 */
public final class RedisSyncStateStore implements SyncStateStore {
  /** A run keeps its first this many errors. */
  public static final int MAX_RUN_ERRORS = 20;
  private static final String PAGES_DONE = "pagesDone";
  /** Counts of a run nobody finishes (a scheduler that died) disappear after this long without pages. */
  private static final Duration RUN_COUNTS_TTL = Duration.ofDays(7);

  private final RedisCommands redis;
  private final RedisKeys keys;

  public RedisSyncStateStore(JedisPool pool, RedisKeys keys) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
  }

  @Override
  public Optional<ObjectSyncState> get(String provider, ObjectType type, String objectId) {
    String json = redis.call("get sync state", j -> j.hget(keys.syncStates(provider, type), objectId));
    return Optional.ofNullable(StoredSyncState.read(provider, type, objectId, json));
  }

  /** One HMGET; the map keeps the order of {@code objectIds}. */
  @Override
  public Map<String, ObjectSyncState> getAll(String provider, ObjectType type, Collection<String> objectIds) {
    if (objectIds.isEmpty()) return Map.of();
    List<String> ids = List.copyOf(objectIds);
    List<String> json = redis.call("get " + ids.size() + " sync states",
        j -> j.hmget(keys.syncStates(provider, type), ids.toArray(String[]::new)));
    Map<String, ObjectSyncState> states = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      if (json.get(i) != null) states.put(ids.get(i), StoredSyncState.read(provider, type, ids.get(i), json.get(i)));
    }
    return states;
  }

  @Override
  public void put(ObjectSyncState state) {
    String json = StoredSyncState.write(state);
    redis.transaction("put sync state", t -> {
      t.hset(keys.syncStates(state.provider(), state.type()), state.objectId(), json);
      t.zadd(keys.syncIds(state.provider(), state.type()), 0, state.objectId());
    });
  }

  @Override
  public void delete(String provider, ObjectType type, String objectId) {
    redis.transaction("delete sync state", t -> {
      t.hdel(keys.syncStates(provider, type), objectId);
      t.zrem(keys.syncIds(provider, type), objectId);
    });
  }

  @Override
  public Page<String> objectIds(String provider, ObjectType type, String cursor, int limit) {
    return redis.call("page synced ids", j -> RedisPages.byLex(j, keys.syncIds(provider, type), cursor, limit));
  }

  @Override
  public long count(String provider, ObjectType type) {
    return redis.call("count sync states", j -> j.zcard(keys.syncIds(provider, type)));
  }

  /** SCANs the provider's key prefix and unlinks what it finds (a provider's keys are few). */
  @Override
  public void deleteProvider(String provider) {
    redis.run("delete the sync state of " + provider, j -> {
      ScanParams params = new ScanParams().match(keys.syncPattern(provider)).count(1_000);
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = j.scan(cursor, params);
        if (!page.getResult().isEmpty()) j.unlink(page.getResult().toArray(String[]::new));
        cursor = page.getCursor();
      } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    });
  }

  // --- full-sync runs ---------------------------------------------------------------------

  @Override
  public boolean startRun(FullSyncRun run) {
    String key = keys.currentRun(run.provider());
    return redis.optimistic("start a run of " + run.provider(), j -> {
      j.watch(key);
      FullSyncRun current = RedisJson.read(j.get(key), FullSyncRun.class);
      if (current != null && current.running()) return unwatched(j, false);
      Transaction t = j.multi();
      t.set(key, RedisJson.write(withoutTallies(run)));
      t.del(keys.runCounts(run.provider(), run.runId()), keys.runErrors(run.provider(), run.runId()));
      return committed(t, true);
    });
  }

  @Override
  public Optional<FullSyncRun> currentRun(String provider) {
    return Optional.ofNullable(redis.call("read the current run of " + provider, j -> {
      FullSyncRun run = RedisJson.read(j.get(keys.currentRun(provider)), FullSyncRun.class);
      return run == null ? null : withTallies(j, run);
    }));
  }

  @Override
  public Optional<FullSyncRun> lastRun(String provider) {
    return Optional.ofNullable(RedisJson.read(
        redis.call("read the last run of " + provider, j -> j.get(keys.lastRun(provider))), FullSyncRun.class));
  }

  /** Ignored unless the run is the provider's current one (a late duplicate job changes nothing). */
  @Override
  public void updateRun(FullSyncRun run) {
    String key = keys.currentRun(run.provider());
    redis.optimistic("update the run of " + run.provider(), j -> {
      j.watch(key);
      if (!isCurrent(j, run.provider(), run.runId())) return unwatched(j, false);
      Transaction t = j.multi();
      t.set(key, RedisJson.write(withoutTallies(run)));
      return committed(t, true);
    });
  }

  /**
   * One optimistic MULTI: SADD of the page, HINCRBY per non-zero outcome and {@code pagesDone},
   * errors RPUSHed and trimmed; nothing when the page was added before (its job ran again).
   */
  @Override
  public int addPageResult(String provider, String runId, String page, SyncCounts counts, Collection<String> errors) {
    String countsKey = keys.runCounts(provider, runId);
    String errorsKey = keys.runErrors(provider, runId);
    String pagesKey = keys.runPages(provider, runId);
    return redis.optimistic("add a page result to run " + runId, j -> {
      j.watch(pagesKey);
      if (j.sismember(pagesKey, page)) {
        return unwatched(j, Integer.parseInt(Objects.requireNonNullElse(j.hget(countsKey, PAGES_DONE), "0")));
      }
      Transaction t = j.multi();
      t.sadd(pagesKey, page);
      t.expire(pagesKey, RUN_COUNTS_TTL.toSeconds());
      counts.asMap().forEach((outcome, n) -> {
        if (n != 0) t.hincrBy(countsKey, outcome.label(), n);
      });
      Response<Long> pagesDone = t.hincrBy(countsKey, PAGES_DONE, 1);
      t.expire(countsKey, RUN_COUNTS_TTL.toSeconds());
      if (!errors.isEmpty()) {
        t.rpush(errorsKey, errors.toArray(String[]::new));
        t.ltrim(errorsKey, 0, MAX_RUN_ERRORS - 1);
        t.expire(errorsKey, RUN_COUNTS_TTL.toSeconds());
      }
      return t.exec() == null ? Optional.empty() : Optional.of(Math.toIntExact(pagesDone.get()));
    });
  }

  /** Ignored unless the run is current, so that finishing twice is harmless. */
  @Override
  public void finishRun(String provider, String runId, FullSyncRun.Status status, String message, Instant at) {
    String currentKey = keys.currentRun(provider);
    String countsKey = keys.runCounts(provider, runId);
    String errorsKey = keys.runErrors(provider, runId);
    redis.optimistic("finish run " + runId, j -> {
      j.watch(currentKey, countsKey, errorsKey);
      FullSyncRun current = RedisJson.read(j.get(currentKey), FullSyncRun.class);
      if (current == null || !current.runId().equals(runId)) return unwatched(j, false);
      FullSyncRun tallied = withTallies(j, current);
      FullSyncRun finished = new FullSyncRun(runId, provider, status, tallied.phase(), tallied.startedAt(), at,
          tallied.userPages(), tallied.groupPages(), tallied.pagesDone(), tallied.counts(), tallied.errors(),
          message);
      Transaction t = j.multi();
      t.set(keys.lastRun(provider), RedisJson.write(finished));
      t.del(currentKey, countsKey, errorsKey, keys.runPages(provider, runId));
      return committed(t, true);
    });
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
    int pagesDone = Integer.parseInt(hash.getOrDefault(PAGES_DONE, "0"));
    return new FullSyncRun(run.runId(), run.provider(), run.status(), run.phase(), run.startedAt(),
        run.finishedAt(), run.userPages(), run.groupPages(), pagesDone, SyncCounts.fromMap(counts), errors,
        run.message());
  }

  /** The run as its JSON key holds it: the tallies live in their own keys. */
  private static FullSyncRun withoutTallies(FullSyncRun run) {
    return new FullSyncRun(run.runId(), run.provider(), run.status(), run.phase(), run.startedAt(),
        run.finishedAt(), run.userPages(), run.groupPages(), 0, SyncCounts.ZERO, List.of(), run.message());
  }
}
