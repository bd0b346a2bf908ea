package io.scimfleet.store.redis;

import java.net.URI;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** Opens the fleet's Redis connection pool from a URL. */
public final class RedisConnections {
  private RedisConnections() {}

  /**
   * A pool for {@code redis://[[user]:password@]host[:port][/database]} (or {@code rediss://} for
   * TLS): Jedis takes the user, password and database index from the URL. Give {@code maxTotal} at
   * least the worker threads + 8 (JobRunr shares the pool).
   */
  public static JedisPool pool(String redisUrl, int maxTotal) {
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(maxTotal);
    config.setMaxIdle(maxTotal);
    config.setJmxEnabled(false);
    return new JedisPool(config, URI.create(redisUrl));
  }
}
