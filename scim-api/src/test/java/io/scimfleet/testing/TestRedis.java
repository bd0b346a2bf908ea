package io.scimfleet.testing;

import java.net.URI;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The one place tests get their Redis from: {@code REDIS_URL} when set, else a Testcontainers Redis
 * when a Docker engine answers, else {@code redis://127.0.0.1:6379}. A Redis that does not answer
 * fails the test with a message saying how to start one; it never skips.
 */
public final class TestRedis {
  private static final String LOCAL = "redis://127.0.0.1:6379";
  private static volatile String url;

  private TestRedis() {}

  /** The Redis URL every test of this JVM uses. */
  public static synchronized String url() {
    if (url == null) {
      url = resolve();
      ping(url);
    }
    return url;
  }

  /** A fresh key prefix for one test class, so that classes never touch each other's keys. */
  public static String uniquePrefix(String name) {
    return "test:" + name + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  public static JedisPool pool() {
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(64);
    config.setJmxEnabled(false);
    return new JedisPool(config, URI.create(url()));
  }

  /** Removes every key under the prefix, and nothing else. */
  public static void deleteKeys(JedisPool pool, String prefix) {
    try (Jedis jedis = pool.getResource()) {
      String cursor = ScanParams.SCAN_POINTER_START;
      ScanParams params = new ScanParams().match(prefix + "*").count(1000);
      do {
        ScanResult<String> page = jedis.scan(cursor, params);
        if (!page.getResult().isEmpty()) jedis.unlink(page.getResult().toArray(String[]::new));
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
  }

  private static String resolve() {
    String fromEnv = System.getenv("REDIS_URL");
    if (fromEnv != null && !fromEnv.isBlank()) return fromEnv;
    if (dockerAvailable()) return startContainer();
    return LOCAL;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
  private static String startContainer() {
    GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
    redis.start();
    return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
  }

  private static void ping(String redisUrl) {
    try (Jedis jedis = new Jedis(URI.create(redisUrl))) {
      jedis.ping();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Tests need Redis and none answers at "
              + redisUrl
              + ". Start one with "
              + "'redis-server --daemonize yes --port 6379' (apt-get install -y redis-server), "
              + "or set REDIS_URL, or run a Docker engine for Testcontainers.",
          e);
    }
  }
}
