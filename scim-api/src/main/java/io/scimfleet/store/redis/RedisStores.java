package io.scimfleet.store.redis;

import io.scimfleet.store.ReceiptStore;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import redis.clients.jedis.JedisPool;

/** The Redis stores on one pool and one key prefix. */
public final class RedisStores {
  private RedisStores() {}

  /**
   * The stores under {@code prefix}, a deleted user's receipts kept for {@code receiptRetention};
   * closing them closes the pool, which they now own.
   */
  public static Stores create(JedisPool pool, String prefix, Duration receiptRetention) {
    return create(pool, new RedisKeys(prefix), Clock.systemUTC(), receiptRetention);
  }

  /** As above, receipts kept for the default retention (tests). */
  public static Stores create(JedisPool pool, String prefix) {
    return create(pool, prefix, Duration.ofDays(ReceiptStore.DEFAULT_RETENTION_DAYS));
  }

  public static Stores create(JedisPool pool, RedisKeys keys, Clock clock) {
    return create(pool, keys, clock, Duration.ofDays(ReceiptStore.DEFAULT_RETENTION_DAYS));
  }

  /**
   * The stores under {@code keys}, a deleted user's receipts kept for {@code receiptRetention}
   * ({@code SCIM_RECEIPT_RETENTION_DAYS}).
   */
  public static Stores create(
      JedisPool pool, RedisKeys keys, Clock clock, Duration receiptRetention) {
    RedisChangeFeed changes = new RedisChangeFeed(pool, keys);
    return new Stores(
        new RedisDirectoryStore(pool, keys, clock),
        changes,
        new RedisProviderStore(pool, keys),
        new RedisSyncStateStore(pool, keys),
        new RedisPendingJobs(pool, keys, clock),
        new RedisObjectLocks(pool, keys),
        new RedisQuarantineStore(pool, keys),
        new RedisDeletionStore(pool, keys),
        pool::close,
        new RedisPasswordStore(pool, keys, clock),
        new RedisObjectHistory(pool, keys),
        new RedisConsoleSessionStore(pool, keys),
        new RedisReceiptStore(pool, keys, receiptRetention),
        new RedisProbeStore(pool, keys));
  }
}
