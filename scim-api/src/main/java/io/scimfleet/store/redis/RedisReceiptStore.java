package io.scimfleet.store.redis;

import io.scimfleet.model.Receipt;
import io.scimfleet.model.UserReceipts;
import io.scimfleet.store.Page;
import io.scimfleet.store.ReceiptStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * {@link ReceiptStore} in Redis: one hash per user ({@link RedisKeys#receipts}), a provider's
 * receipt per field and the deletion time in {@value #DELETED}. Once that is set, every write sets
 * the hash to expire after the retention; the user index ({@link RedisKeys#receiptUsers}) loses an
 * expired user's id when a listing meets it.
 */
final class RedisReceiptStore implements ReceiptStore {
  static final String DELETED = "~deleted";

  /** KEYS: receipts, index; ARGV: provider, json, retention ms, user id. */
  private static final RedisScript PUT =
      new RedisScript(
          "redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) "
              + "if redis.call('HEXISTS', KEYS[1], '"
              + DELETED
              + "') == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end "
              + "redis.call('ZADD', KEYS[2], 0, ARGV[4]) return 1");

  private final RedisCommands redis;
  private final RedisKeys keys;
  private final Duration retention;

  RedisReceiptStore(JedisPool pool, RedisKeys keys, Duration retention) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
    this.retention = retention;
  }

  @Override
  public void put(String userId, Receipt receipt) {
    List<String> args =
        List.of(
            receipt.provider(),
            RedisJson.write(receipt),
            Long.toString(retention.toMillis()),
            userId);
    redis.run(
        "record the receipt of user " + userId + " on " + receipt.provider(),
        j -> PUT.run(j, List.of(keys.receipts(userId), keys.receiptUsers()), args));
  }

  /** Every user's PUT script in one pipeline. */
  @Override
  public void putAll(Map<String, Receipt> receipts) {
    if (receipts.isEmpty()) return;
    String index = keys.receiptUsers();
    String retentionMillis = Long.toString(retention.toMillis());
    List<RedisScript.Call> calls = new ArrayList<>(receipts.size());
    receipts.forEach(
        (userId, receipt) ->
            calls.add(
                new RedisScript.Call(
                    List.of(keys.receipts(userId), index),
                    List.of(
                        receipt.provider(), RedisJson.write(receipt), retentionMillis, userId))));
    redis.run("record the receipts of " + receipts.size() + " users", j -> PUT.runAll(j, calls));
  }

  /** One HGET per user in one pipeline. */
  @Override
  public Map<String, Receipt> getAll(String provider, Collection<String> userIds) {
    if (userIds.isEmpty()) return Map.of();
    List<String> ids = List.copyOf(userIds);
    List<String> found =
        redis.call(
            "read the receipts of " + ids.size() + " users",
            j -> {
              Pipeline pipeline = j.pipelined();
              List<Response<String>> reads = new ArrayList<>(ids.size());
              ids.forEach(id -> reads.add(pipeline.hget(keys.receipts(id), provider)));
              pipeline.sync();
              return reads.stream().map(Response::get).toList();
            });
    Map<String, Receipt> receipts = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      Receipt receipt = RedisJson.read(found.get(i), Receipt.class);
      if (receipt != null) receipts.put(ids.get(i), receipt);
    }
    return receipts;
  }

  @Override
  public Optional<Receipt> get(String userId, String provider) {
    String json =
        redis.call(
            "read the receipt of user " + userId, j -> j.hget(keys.receipts(userId), provider));
    return Optional.ofNullable(RedisJson.read(json, Receipt.class));
  }

  @Override
  public void userDeleted(String userId, Instant at) {
    String key = keys.receipts(userId);
    redis.transaction(
        "mark the receipts of user " + userId + " deleted",
        t -> {
          t.hset(key, DELETED, Long.toString(at.toEpochMilli()));
          t.pexpire(key, retention.toMillis());
          t.zadd(keys.receiptUsers(), 0, userId);
        });
  }

  @Override
  public Optional<UserReceipts> of(String userId) {
    Map<String, String> fields =
        redis.call("read the receipts of user " + userId, j -> j.hgetAll(keys.receipts(userId)));
    return receipts(userId, fields);
  }

  @Override
  public Page<UserReceipts> page(@Nullable String cursor, int limit) {
    return redis.call(
        "list the receipts",
        j -> {
          Page<String> ids = RedisPages.byLex(j, keys.receiptUsers(), cursor, limit);
          Pipeline pipeline = j.pipelined();
          List<Response<Map<String, String>>> reads = new ArrayList<>();
          ids.items().forEach(id -> reads.add(pipeline.hgetAll(keys.receipts(id))));
          pipeline.sync();
          List<UserReceipts> items = new ArrayList<>();
          for (int i = 0; i < reads.size(); i++) {
            String id = ids.items().get(i);
            Optional<UserReceipts> kept = receipts(id, reads.get(i).get());
            if (kept.isPresent()) items.add(kept.get());
            else j.zrem(keys.receiptUsers(), id); // expired
          }
          return new Page<>(items, ids.nextCursor());
        });
  }

  private static Optional<UserReceipts> receipts(String userId, Map<String, String> fields) {
    if (fields.isEmpty()) return Optional.empty();
    Map<String, String> sorted = new TreeMap<>(fields);
    String deleted = sorted.remove(DELETED);
    List<Receipt> receipts =
        sorted.values().stream().map(json -> RedisJson.read(json, Receipt.class)).toList();
    Instant deletedAt = deleted == null ? null : Instant.ofEpochMilli(Long.parseLong(deleted));
    return Optional.of(new UserReceipts(userId, deletedAt, receipts));
  }
}
