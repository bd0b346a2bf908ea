package io.scimfleet;

import io.scimfleet.config.FleetSettings;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisConnections;
import io.scimfleet.store.redis.RedisKeys;
import io.scimfleet.store.redis.RedisRateLimiter;
import io.scimfleet.store.redis.RedisStores;
import java.time.Clock;
import java.util.Objects;
import redis.clients.jedis.JedisPool;

/**
 * What every process of the fleet shares, wired once for the worker and the scheduler: the stores,
 * the job system and the rate limiter, on one Redis connection pool (or in memory, in one process).
 * The caller closes {@link #jobs()} first (it drains the job server), then {@link #stores()}, which
 * closes the pool.
 */
public record FleetBackend(Stores stores, JobRunrFleet jobs, RateLimiter rateLimiter) {

  /**
   * On {@code settings.redisUrl()} (one Redis, or the primary Sentinel names), under {@code
   * settings.redisPrefix()}. The stores and the job storage share this one pool.
   */
  public static FleetBackend redis(FleetSettings settings) {
    JedisPool pool =
        RedisConnections.pool(
            Objects.requireNonNull(settings.redisUrl(), "SCIM_REDIS_URL is not set"),
            poolSize(settings),
            settings.redisSentinelPassword());
    String prefix = settings.redisPrefix();
    return new FleetBackend(
        RedisStores.create(pool, prefix, settings.receiptRetention()),
        retaining(JobRunrFleet.redis(pool, prefix), settings),
        new RedisRateLimiter(pool, new RedisKeys(prefix)));
  }

  /** Everything in this process's memory: all-in-one without Redis, the one-shot sync, tests. */
  public static FleetBackend inMemory(FleetSettings settings) {
    return new FleetBackend(
        Stores.inMemory(Clock.systemUTC(), settings.receiptRetention()),
        retaining(JobRunrFleet.inMemory(), settings),
        RateLimiter.local());
  }

  private static JobRunrFleet retaining(JobRunrFleet jobs, FleetSettings settings) {
    jobs.retainJobs(settings.jobRetention());
    return jobs;
  }

  /**
   * A connection for each job thread and page thread, and some for the job server, API and change
   * feed.
   */
  static int poolSize(FleetSettings settings) {
    return settings.workerThreads() + settings.pageThreads() + 16;
  }
}
