package io.scimfleet.store.redis;

import io.scimfleet.store.PasswordStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.SetParams;

/**
 * Sealed passwords in Redis: the sealed text in its own key with the TTL as its expiry (Redis drops
 * it even when no fleet process runs), the bookkeeping beside it ({@link RedisKeys#passwordState})
 * and an index by expiry. Deciding "everyone is done: delete" runs in one script, so two workers
 * finishing at once cannot both miss it.
 */
public final class RedisPasswordStore implements PasswordStore {
  /**
   * How long the bookkeeping (no secret) outlives the password, so that a late sweep still records
   * the drop.
   */
  static final Duration KEEP_STATE = Duration.ofDays(7);

  private static final String EVERYONE_DONE =
      """
      local function everyone_done(state)
        local wanted = redis.call('HGET', state, 'wanted')
        if not wanted then return false end
        local done = {}
        for name in string.gmatch(redis.call('HGET', state, 'done') or '', '[^,]+') do done[name] = true end
        for name in string.gmatch(wanted, '[^,]+') do
          if not done[name] then return false end
        end
        return true
      end
      local function forget()
        redis.call('DEL', KEYS[1], KEYS[2])
        redis.call('ZREM', KEYS[3], ARGV[1])
      end
      """;

  /** KEYS: password, state, expiries; ARGV: user id, wanted (comma-separated). */
  private static final RedisScript EXPECT =
      new RedisScript(
          EVERYONE_DONE
              + """
      if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
      redis.call('HSET', KEYS[2], 'wanted', ARGV[2])
      if everyone_done(KEYS[2]) then forget() end
      return 1
      """);

  /** KEYS: password, state, expiries; ARGV: user id, change id, provider. */
  private static final RedisScript DONE =
      new RedisScript(
          EVERYONE_DONE
              + """
      if redis.call('HGET', KEYS[2], 'change') ~= ARGV[2] then return 0 end
      redis.call('HSET', KEYS[2], 'done', (redis.call('HGET', KEYS[2], 'done') or '') .. ',' .. ARGV[3])
      if everyone_done(KEYS[2]) then forget() end
      return 1
      """);

  /**
   * KEYS: password, state, expiries; ARGV: user id, now (epoch millis). Returns {wanted, done}, or
   * nil when not due or taken.
   */
  private static final RedisScript DROP =
      new RedisScript(
          """
      local due = redis.call('ZSCORE', KEYS[3], ARGV[1])
      if not due or tonumber(due) > tonumber(ARGV[2]) then return nil end
      local facts = redis.call('HMGET', KEYS[2], 'wanted', 'done')
      redis.call('DEL', KEYS[1], KEYS[2])
      redis.call('ZREM', KEYS[3], ARGV[1])
      return {facts[1] or '?', facts[2] or ''}
      """);

  private static final String UNKNOWN = "?";

  private final RedisCommands redis;
  private final RedisKeys keys;
  private final Clock clock;

  public RedisPasswordStore(JedisPool pool, RedisKeys keys, Clock clock) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public String put(String userId, String sealed, Duration ttl) {
    String changeId = UUID.randomUUID().toString();
    long expires = clock.millis() + ttl.toMillis();
    redis.transaction(
        "store a password",
        t -> {
          t.del(keys.passwordState(userId));
          t.set(keys.password(userId), sealed, SetParams.setParams().px(ttl.toMillis()));
          t.hset(keys.passwordState(userId), "change", changeId);
          t.hset(keys.passwordState(userId), "expires", Long.toString(expires));
          t.pexpire(keys.passwordState(userId), ttl.plus(KEEP_STATE).toMillis());
          t.zadd(keys.passwordExpiries(), (double) expires, userId);
        });
    return changeId;
  }

  @Override
  public Optional<Pending> pending(String userId, String provider) {
    return redis.call(
        "read a pending password",
        j -> {
          Transaction t = j.multi();
          Response<String> sealed = t.get(keys.password(userId));
          Response<List<String>> state = t.hmget(keys.passwordState(userId), "change", "done");
          t.exec();
          String changeId = state.get().get(0);
          if (sealed.get() == null
              || changeId == null
              || names(state.get().get(1)).contains(provider)) {
            return Optional.empty();
          }
          return Optional.of(new Pending(changeId, sealed.get()));
        });
  }

  /**
   * One pipeline for the page: each user's sealed password there or not, and who is done with it.
   */
  @Override
  public Set<String> waiting(List<String> userIds, String provider) {
    if (userIds.isEmpty()) return Set.of();
    return redis.call(
        "read which users have a pending password",
        j -> {
          Pipeline pipeline = j.pipelined();
          List<Response<Boolean>> sealed = new ArrayList<>();
          List<Response<List<String>>> state = new ArrayList<>();
          for (String id : userIds) {
            sealed.add(pipeline.exists(keys.password(id)));
            state.add(pipeline.hmget(keys.passwordState(id), "change", "done"));
          }
          pipeline.sync();
          Set<String> waiting = new LinkedHashSet<>();
          for (int i = 0; i < userIds.size(); i++) {
            List<String> changeAndDone = state.get(i).get();
            if (sealed.get(i).get()
                && changeAndDone.get(0) != null
                && !names(changeAndDone.get(1)).contains(provider)) {
              waiting.add(userIds.get(i));
            }
          }
          return waiting;
        });
  }

  @Override
  public void expect(String userId, Set<String> providers) {
    redis.run(
        "record who wants a password",
        j -> EXPECT.run(j, scriptKeys(userId), List.of(userId, String.join(",", providers))));
  }

  @Override
  public void done(String userId, String changeId, String provider) {
    redis.run(
        "record a delivered password",
        j -> DONE.run(j, scriptKeys(userId), List.of(userId, changeId, provider)));
  }

  @Override
  public List<Dropped> dropExpired(Instant now, int max) {
    String at = Long.toString(now.toEpochMilli());
    List<String> due =
        redis.call(
            "find expired passwords",
            j -> j.zrangeByScore(keys.passwordExpiries(), "-inf", at, 0, max));
    List<Dropped> dropped = new ArrayList<>();
    for (String userId : due) {
      Object facts =
          redis.call(
              "drop an expired password",
              j -> DROP.run(j, scriptKeys(userId), List.of(userId, at)));
      if (facts instanceof List<?> list) dropped.add(new Dropped(userId, undelivered(list)));
    }
    return dropped;
  }

  private List<String> scriptKeys(String userId) {
    return List.of(keys.password(userId), keys.passwordState(userId), keys.passwordExpiries());
  }

  private static Set<String> undelivered(List<?> facts) {
    String wanted = String.valueOf(facts.get(0));
    if (UNKNOWN.equals(wanted)) return Set.of();
    Set<String> left = new LinkedHashSet<>(names(wanted));
    left.removeAll(names(String.valueOf(facts.get(1))));
    return Set.copyOf(left);
  }

  private static Set<String> names(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isEmpty()) return Set.of();
    Set<String> names = new LinkedHashSet<>(Arrays.asList(commaSeparated.split(",")));
    names.remove("");
    return names;
  }
}
