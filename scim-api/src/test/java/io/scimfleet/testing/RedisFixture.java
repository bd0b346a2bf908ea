package io.scimfleet.testing;

import io.scimfleet.store.redis.RedisKeys;
import redis.clients.jedis.JedisPool;

/**
 * One test class's Redis: the pool from {@link TestRedis} and a key prefix of its own. Open it in
 * {@code @BeforeAll}, {@link #clean()} after each test, {@link #close()} in {@code @AfterAll}.
 */
public final class RedisFixture implements AutoCloseable {
  private final JedisPool pool;
  private final String prefix;

  private RedisFixture(String name) {
    this.pool = TestRedis.pool();
    this.prefix = TestRedis.uniquePrefix(name);
  }

  public static RedisFixture open(Class<?> testClass) {
    return new RedisFixture(testClass.getSimpleName());
  }

  public JedisPool pool() {
    return pool;
  }

  public String prefix() {
    return prefix;
  }

  public RedisKeys keys() {
    return new RedisKeys(prefix);
  }

  /** Removes every key this class wrote. */
  public void clean() {
    TestRedis.deleteKeys(pool, prefix);
  }

  @Override
  public void close() {
    clean();
    pool.close();
  }
}
