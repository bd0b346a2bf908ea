package io.scimfleet.store.redis;

import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DeletionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.Tuple;

/**
 * Per provider: the window as two sorted sets of {@code type:objectId} scored by epoch millis
 * (every removal counted, and those that took an object off the target), trimmed and counted by one
 * script; the held removals as a sorted set scored by when they were first held, with their remote
 * ids in a hash.
 */
public final class RedisDeletionStore implements DeletionStore {
  /**
   * KEYS: window, left; ARGV: member, now, cutoff, percent, on target, leaves (1/0), window millis.
   */
  private static final RedisScript ADMIT =
      new RedisScript(
          """
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
      redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
      if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 1 end
      local counted = redis.call('ZCARD', KEYS[1])
      local base = tonumber(ARGV[5]) + redis.call('ZCARD', KEYS[2])
      if counted >= math.floor(tonumber(ARGV[4]) * base / 100) then return 0 end
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
      redis.call('PEXPIRE', KEYS[1], ARGV[7])
      if ARGV[6] == '1' then
        redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
        redis.call('PEXPIRE', KEYS[2], ARGV[7])
      end
      return 1
      """);

  private final RedisCommands redis;
  private final RedisKeys keys;

  public RedisDeletionStore(JedisPool pool, RedisKeys keys) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
  }

  @Override
  public boolean admit(Removal removal, Threshold threshold, Instant now) {
    String provider = removal.provider();
    List<String> scriptKeys =
        List.of(keys.deletionWindow(provider), keys.deletionWindowLeft(provider));
    List<String> args =
        List.of(
            member(removal.type(), removal.objectId()),
            Long.toString(now.toEpochMilli()),
            Long.toString(now.minus(threshold.window()).toEpochMilli()),
            Integer.toString(threshold.percent()),
            Long.toString(threshold.onTarget()),
            removal.leavesTarget() ? "1" : "0",
            Long.toString(threshold.window().toMillis()));
    Object admitted =
        redis.call("count a removal of " + provider, j -> ADMIT.run(j, scriptKeys, args));
    return Long.valueOf(1).equals(admitted);
  }

  @Override
  public void hold(HeldDeletion deletion) {
    String member = member(deletion.type(), deletion.objectId());
    redis.transaction(
        "hold a removal of " + deletion.provider(),
        t -> {
          t.zadd(
              keys.deletionsHeld(deletion.provider()),
              (double) deletion.heldAt().toEpochMilli(),
              member,
              ZAddParams.zAddParams().nx());
          t.hset(
              keys.deletionRemoteIds(deletion.provider()),
              member,
              deletion.remoteId() == null ? "" : deletion.remoteId());
        });
  }

  @Override
  public long heldCount(String provider) {
    return redis.call(
        "count the held removals of " + provider, j -> j.zcard(keys.deletionsHeld(provider)));
  }

  @Override
  public List<HeldDeletion> held(String provider, int limit) {
    if (limit <= 0) return List.of();
    return redis.call(
        "read the held removals of " + provider,
        j -> {
          List<Tuple> members = j.zrangeWithScores(keys.deletionsHeld(provider), 0, limit - 1);
          if (members.isEmpty()) return List.of();
          List<String> remoteIds =
              j.hmget(
                  keys.deletionRemoteIds(provider),
                  members.stream().map(Tuple::getElement).toArray(String[]::new));
          List<HeldDeletion> held = new ArrayList<>();
          for (int i = 0; i < members.size(); i++) {
            held.add(deletion(provider, members.get(i), remoteIds.get(i)));
          }
          return held;
        });
  }

  @Override
  public boolean unhold(String provider, ObjectType type, String objectId) {
    String member = member(type, objectId);
    return redis.call(
        "forget a held removal of " + provider,
        j -> {
          j.hdel(keys.deletionRemoteIds(provider), member);
          return j.zrem(keys.deletionsHeld(provider), member) > 0;
        });
  }

  @Override
  public long dropHeld(String provider) {
    return redis.call(
        "drop the held removals of " + provider,
        j -> {
          long count = j.zcard(keys.deletionsHeld(provider));
          j.del(keys.deletionsHeld(provider), keys.deletionRemoteIds(provider));
          return count;
        });
  }

  @Override
  public void deleteProvider(String provider) {
    redis.run(
        "delete the deletion guard of " + provider,
        j ->
            j.del(
                keys.deletionWindow(provider),
                keys.deletionWindowLeft(provider),
                keys.deletionsHeld(provider),
                keys.deletionRemoteIds(provider)));
  }

  private static HeldDeletion deletion(String provider, Tuple member, String remoteId) {
    String[] parts = member.getElement().split(":", 2);
    ObjectType type = ObjectType.fromLabel(parts[0]);
    return new HeldDeletion(
        provider,
        type,
        parts[1],
        remoteId == null || remoteId.isEmpty() ? null : remoteId,
        Instant.ofEpochMilli((long) member.getScore()));
  }

  private static String member(ObjectType type, String objectId) {
    return type.label() + ":" + objectId;
  }
}
