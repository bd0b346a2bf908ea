package io.scimfleet.store.redis;

import io.scimfleet.ratelimit.AdaptiveLimits;
import java.time.Instant;
import java.util.List;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * {@link AdaptiveLimits} for the whole fleet: per host a hash ({@code limit}, {@code decreasedAt})
 * changed by one Lua script with the same AIMD step as {@link AdaptiveLimits#next} (kept in step by
 * one contract test), and a sorted set of the workers that reported, scored by when (its four
 * commands in one pipelined round trip). Both expire an hour after the last report.
 */
public final class RedisAdaptiveLimits implements AdaptiveLimits {
  /**
   * KEYS: limit hash; ARGV: successes, overloaded (1/0), now ms, initial, min, max, decrease,
   * cool-down ms.
   */
  private static final RedisScript REPORT =
      new RedisScript(
          "local limit = tonumber(redis.call('HGET', KEYS[1], 'limit') or ARGV[4]) "
              + "local last = tonumber(redis.call('HGET', KEYS[1], 'decreasedAt') or '0') "
              + "local now = tonumber(ARGV[3]) "
              + "if ARGV[2] == '1' then "
              + "  if now >= last + tonumber(ARGV[8]) then "
              + "    limit = limit * tonumber(ARGV[7]) redis.call('HSET', KEYS[1], 'decreasedAt', now) "
              + "  end "
              + "else limit = limit + tonumber(ARGV[1]) / math.max(limit, tonumber(ARGV[5])) end "
              + "limit = math.max(tonumber(ARGV[5]), math.min(tonumber(ARGV[6]), limit)) "
              + "redis.call('HSET', KEYS[1], 'limit', tostring(limit)) "
              + "redis.call('EXPIRE', KEYS[1], 3600) "
              + "return tostring(limit)");

  private final RedisCommands redis;
  private final RedisKeys keys;

  public RedisAdaptiveLimits(JedisPool pool, RedisKeys keys) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
  }

  @Override
  public double report(String host, int successes, boolean overloaded, Instant now) {
    List<String> args =
        List.of(
            Integer.toString(successes),
            overloaded ? "1" : "0",
            Long.toString(now.toEpochMilli()),
            Double.toString(INITIAL),
            Double.toString(MIN),
            Double.toString(MAX),
            Double.toString(DECREASE),
            Long.toString(COOL_DOWN.toMillis()));
    Object limit =
        redis.call(
            "report the adaptive limit of " + host,
            j -> REPORT.run(j, List.of(keys.adaptiveLimit(host)), args));
    return Double.parseDouble(String.valueOf(limit));
  }

  @Override
  public int workers(String host, String worker, Instant now) {
    String key = keys.adaptiveWorkers(host);
    long at = now.toEpochMilli();
    return redis.call(
        "count the workers sending to " + host,
        j -> {
          Pipeline pipeline = j.pipelined();
          pipeline.zadd(key, (double) at, worker);
          pipeline.zremrangeByScore(
              key, Double.NEGATIVE_INFINITY, (double) (at - WORKER_TTL.toMillis()));
          pipeline.expire(key, 3600);
          Response<Long> count = pipeline.zcard(key);
          pipeline.sync();
          return (int) Math.max(1, count.get());
        });
  }
}
