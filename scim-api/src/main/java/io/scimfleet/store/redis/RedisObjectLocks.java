package io.scimfleet.store.redis;

import io.scimfleet.model.ObjectType;
import io.scimfleet.store.ObjectLocks;
import io.scimfleet.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * A lock is a key holding its holder's random token, {@code SET NX PX lease}; it is released by a
 * script that deletes the key only while it still holds that token, so a holder whose lease ran out
 * never releases the next holder's lock, nor renews it.
 */
public final class RedisObjectLocks implements ObjectLocks {
  private static final RedisScript RELEASE =
      new RedisScript(
          "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end");
  private static final RedisScript RENEW =
      new RedisScript(
          "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end");
  private static final long FIRST_BACKOFF_MILLIS = 5;
  private static final long MAX_BACKOFF_MILLIS = 50;

  private final RedisCommands redis;
  private final RedisKeys keys;

  public RedisObjectLocks(JedisPool pool, RedisKeys keys) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
  }

  /**
   * Tries at once, then again with a growing pause until {@code wait} is over. Redis has no "wait
   * for a key to disappear"; locks are held for one object's sync (milliseconds), so a short
   * bounded poll is simpler than keyspace notifications and costs a few commands per contended
   * lock.
   */
  @Override
  public Optional<Lock> acquire(
      String provider, ObjectType type, String objectId, Duration lease, Duration wait) {
    String key = keys.lock(provider, type, objectId);
    String token = UUID.randomUUID().toString();
    long deadline = System.nanoTime() + wait.toNanos();
    long backoff = FIRST_BACKOFF_MILLIS;
    while (true) {
      if (trySet(key, token, lease)) return Optional.of(held(key, token));
      long left = deadline - System.nanoTime();
      if (left <= 0) return Optional.empty();
      pause(Math.min(backoff, Math.max(1, left / 1_000_000)));
      backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
    }
  }

  /**
   * One pipelined round trip of {@code SET NX PX} to take them, one of the release script to let
   * them go.
   */
  @Override
  public Locks acquireFree(
      String provider, ObjectType type, List<String> objectIds, Duration lease) {
    String token = UUID.randomUUID().toString();
    SetParams params = SetParams.setParams().nx().px(Math.max(1, lease.toMillis()));
    List<String> held =
        redis.call(
            "take " + objectIds.size() + " locks",
            j -> {
              Pipeline pipeline = j.pipelined();
              List<Response<String>> replies =
                  objectIds.stream()
                      .map(id -> pipeline.set(keys.lock(provider, type, id), token, params))
                      .toList();
              pipeline.sync();
              List<String> taken = new ArrayList<>();
              for (int i = 0; i < objectIds.size(); i++)
                if ("OK".equals(replies.get(i).get())) taken.add(objectIds.get(i));
              return taken;
            });
    return Locks.of(
        held,
        token,
        () -> {
          if (held.isEmpty()) return;
          List<RedisScript.Call> calls =
              held.stream()
                  .map(
                      id ->
                          new RedisScript.Call(
                              List.of(keys.lock(provider, type, id)), List.of(token)))
                  .toList();
          redis.run("release " + held.size() + " locks", j -> RELEASE.runAll(j, calls));
        });
  }

  private boolean trySet(String key, String token, Duration lease) {
    SetParams params = SetParams.setParams().nx().px(Math.max(1, lease.toMillis()));
    return "OK".equals(redis.call("take lock " + key, j -> j.set(key, token, params)));
  }

  private Lock held(String key, String token) {
    return new Lock() {
      @Override
      public void close() {
        release(key, token);
      }

      @Override
      public String token() {
        return token;
      }

      /** PEXPIRE while the key still holds this holder's token. */
      @Override
      public boolean renew(Duration lease) {
        Object renewed =
            redis.call(
                "renew lock " + key,
                j ->
                    RENEW.run(
                        j,
                        List.of(key),
                        List.of(token, String.valueOf(Math.max(1, lease.toMillis())))));
        return Long.valueOf(1).equals(renewed);
      }
    };
  }

  private void release(String key, String token) {
    redis.run("release lock " + key, j -> RELEASE.run(j, List.of(key), List.of(token)));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a lock", e);
    }
  }
}
