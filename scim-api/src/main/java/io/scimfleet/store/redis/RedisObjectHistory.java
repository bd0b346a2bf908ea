package io.scimfleet.store.redis;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncAttempt;
import io.scimfleet.store.ObjectHistory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;

/**
 * {@link ObjectHistory} in Redis: one list per (provider, object) of compact JSON ({@link
 * StoredAttempt}), LPUSH then LTRIM to {@value ObjectHistory#KEPT}, in one pipeline; the list
 * expires {@link #KEEP_FOR} after its last attempt, so objects that left the directory do not leave
 * their history behind for ever.
 */
final class RedisObjectHistory implements ObjectHistory {
  static final Duration KEEP_FOR = Duration.ofDays(30);

  private final RedisCommands redis;
  private final RedisKeys keys;

  RedisObjectHistory(JedisPool pool, RedisKeys keys) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
  }

  @Override
  public void record(String provider, ObjectType type, String objectId, SyncAttempt attempt) {
    String key = keys.history(provider, type, objectId);
    String json = StoredAttempt.write(attempt);
    redis.run(
        "record a sync attempt of " + type.label() + " " + objectId,
        j -> {
          Pipeline pipeline = j.pipelined();
          pipeline.lpush(key, json);
          pipeline.ltrim(key, 0, KEPT - 1);
          pipeline.expire(key, KEEP_FOR.toSeconds());
          pipeline.sync();
        });
  }

  /** Every object's LPUSH, LTRIM and EXPIRE in one pipeline: one round trip for a page. */
  @Override
  public void recordAll(String provider, ObjectType type, Map<String, SyncAttempt> attempts) {
    if (attempts.isEmpty()) return;
    redis.run(
        "record the sync attempts of " + attempts.size() + " " + type.label() + "s",
        j -> {
          Pipeline pipeline = j.pipelined();
          attempts.forEach(
              (objectId, attempt) -> {
                String key = keys.history(provider, type, objectId);
                pipeline.lpush(key, StoredAttempt.write(attempt));
                pipeline.ltrim(key, 0, KEPT - 1);
                pipeline.expire(key, KEEP_FOR.toSeconds());
              });
          pipeline.sync();
        });
  }

  @Override
  public List<SyncAttempt> recent(String provider, ObjectType type, String objectId) {
    List<String> stored =
        redis.call(
            "read the history of " + type.label() + " " + objectId,
            j -> j.lrange(keys.history(provider, type, objectId), 0, KEPT - 1));
    return stored.stream().map(StoredAttempt::read).filter(Objects::nonNull).toList();
  }

  /** SCANs the provider's history keys and unlinks them. */
  @Override
  public void deleteProvider(String provider) {
    redis.run(
        "delete the history of " + provider,
        j -> RedisPages.unlinkMatching(j, keys.historyPattern(provider)));
  }
}
