package io.scimfleet.store.redis;

import static io.scimfleet.store.redis.RedisCommands.committed;
import static io.scimfleet.store.redis.RedisCommands.unwatched;

import io.scimfleet.model.Quarantine;
import io.scimfleet.store.QuarantineStore;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;

/**
 * One JSON key per quarantined provider; entering is a WATCH/MULTI so two workers deepen it once
 * each; {@link #deepen} also compares with the quarantine the worker saw, so it deepens it once.
 */
public final class RedisQuarantineStore implements QuarantineStore {
  private final RedisCommands redis;
  private final RedisKeys keys;

  public RedisQuarantineStore(JedisPool pool, RedisKeys keys) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
  }

  @Override
  public Optional<Quarantine> get(String provider) {
    return Optional.ofNullable(
        RedisJson.read(
            redis.call("read the quarantine of " + provider, j -> j.get(keys.quarantine(provider))),
            Quarantine.class));
  }

  @Override
  public Quarantine enter(String provider, String reason, Instant now) {
    String key = keys.quarantine(provider);
    return redis.optimistic(
        "quarantine " + provider,
        j -> {
          j.watch(key);
          Quarantine next =
              Quarantine.after(RedisJson.read(j.get(key), Quarantine.class), provider, reason, now);
          Transaction t = j.multi();
          t.set(key, RedisJson.write(next));
          return committed(t, next);
        });
  }

  /** WATCH, read, compare with {@code seen}; MULTI/SET only when it is still the one seen. */
  @Override
  public Optional<Quarantine> deepen(
      String provider, @Nullable Quarantine seen, String reason, Instant now) {
    String key = keys.quarantine(provider);
    return redis.optimistic(
        "deepen the quarantine of " + provider,
        j -> {
          j.watch(key);
          Quarantine current = RedisJson.read(j.get(key), Quarantine.class);
          if (!Quarantine.same(current, seen)) return unwatched(j, Optional.ofNullable(current));
          Quarantine next = Quarantine.after(current, provider, reason, now);
          Transaction t = j.multi();
          t.set(key, RedisJson.write(next));
          return committed(t, Optional.of(next));
        });
  }

  @Override
  public boolean release(String provider) {
    return redis.call(
            "release the quarantine of " + provider, j -> j.del(keys.quarantine(provider)))
        > 0;
  }
}
