package io.scimfleet.store.redis;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisSentinelPool;

/**
 * A {@link JedisPool} whose connections come from Jedis' {@link JedisSentinelPool}: always to the
 * primary the sentinels name, and after a fail-over (their {@code +switch-master}) to the new one,
 * with the idle connections to the old primary dropped. It is a {@code JedisPool} so that every
 * store and the job storage take it as they take a pool to a single Redis: {@link #getResource()},
 * {@link #clear()} and {@link #close()} go to the sentinel pool, and a borrowed {@link Jedis}
 * returns itself there on {@code close()}. Nothing else of the pool is used by the fleet; this
 * pool's own (empty) object pool refuses to make connections, so nothing can bypass the sentinels.
 */
final class SentinelJedisPool extends JedisPool {
  private final JedisSentinelPool sentinels;

  SentinelJedisPool(JedisSentinelPool sentinels) {
    super(unused(), new Refusing());
    this.sentinels = sentinels;
  }

  /** This pool's own object pool stays empty: no JMX bean for it. */
  private static GenericObjectPoolConfig<Jedis> unused() {
    GenericObjectPoolConfig<Jedis> config = new GenericObjectPoolConfig<>();
    config.setJmxEnabled(false);
    return config;
  }

  @Override
  public Jedis getResource() {
    return sentinels.getResource();
  }

  /** Drops the idle connections (after an outage they may all be dead). */
  @Override
  public void clear() {
    sentinels.clear();
  }

  @Override
  public void close() {
    sentinels.close();
    super.close();
  }

  @Override
  public void destroy() {
    sentinels.destroy();
    super.destroy();
  }

  @Override
  public String toString() {
    return "SentinelJedisPool[primary=" + sentinels.getCurrentHostMaster() + "]";
  }

  /** Connections come only from the sentinel pool. */
  private static final class Refusing extends BasePooledObjectFactory<Jedis> {
    @Override
    public Jedis create() {
      throw new IllegalStateException("a Sentinel pool's connections come from getResource()");
    }

    @Override
    public PooledObject<Jedis> wrap(Jedis jedis) {
      return new DefaultPooledObject<>(jedis);
    }
  }
}
