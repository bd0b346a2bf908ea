package io.scimfleet.store.redis;

import io.scimfleet.model.ObjectType;
import io.scimfleet.store.PendingJobs;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ZAddParams;

/**
 * A sorted set per provider: member {@code type:objectId}, score the epoch millis it was marked.
 */
public final class RedisPendingJobs implements PendingJobs {
  private final RedisCommands redis;
  private final RedisKeys keys;
  private final Clock clock;

  public RedisPendingJobs(JedisPool pool, RedisKeys keys, Clock clock) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
    this.clock = clock;
  }

  /** ZADD NX: 1 when the member was new, 0 when a mark (and its first time) is kept. */
  @Override
  public boolean mark(String provider, ObjectType type, String objectId) {
    long now = clock.millis();
    return redis.call(
            "mark a pending job",
            j ->
                j.zadd(
                    keys.pending(provider),
                    (double) now,
                    member(type, objectId),
                    ZAddParams.zAddParams().nx()))
        == 1;
  }

  /** ZADD NX per object, pipelined. */
  @Override
  public Set<String> markAll(String provider, ObjectType type, Collection<String> objectIds) {
    if (objectIds.isEmpty()) return Set.of();
    List<String> ids = List.copyOf(new LinkedHashSet<>(objectIds));
    long now = clock.millis();
    List<Long> added =
        redis.call(
            "mark pending jobs",
            j -> {
              Pipeline pipeline = j.pipelined();
              List<Response<Long>> replies =
                  ids.stream()
                      .map(
                          id ->
                              pipeline.zadd(
                                  keys.pending(provider),
                                  (double) now,
                                  member(type, id),
                                  ZAddParams.zAddParams().nx()))
                      .toList();
              pipeline.sync();
              return replies.stream().map(Response::get).toList();
            });
    Set<String> marked = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (added.get(i) == 1) marked.add(ids.get(i));
    }
    return marked;
  }

  @Override
  public void clear(String provider, ObjectType type, String objectId) {
    redis.run("clear a pending job", j -> j.zrem(keys.pending(provider), member(type, objectId)));
  }

  @Override
  public void clearAll(String provider, ObjectType type, Collection<String> objectIds) {
    if (objectIds.isEmpty()) return;
    String[] members = objectIds.stream().map(id -> member(type, id)).toArray(String[]::new);
    redis.run("clear pending jobs", j -> j.zrem(keys.pending(provider), members));
  }

  @Override
  public long count(String provider) {
    return redis.call("count pending jobs", j -> j.zcard(keys.pending(provider)));
  }

  @Override
  public long expire(String provider, Instant before) {
    return redis.call(
        "expire pending jobs",
        j -> j.zremrangeByScore(keys.pending(provider), "-inf", "(" + before.toEpochMilli()));
  }

  private static String member(ObjectType type, String objectId) {
    return type.label() + ":" + objectId;
  }
}
