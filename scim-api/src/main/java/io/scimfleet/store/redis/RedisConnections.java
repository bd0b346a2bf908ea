package io.scimfleet.store.redis;

import io.scimfleet.config.RedisUrl;
import java.net.URI;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.exceptions.InvalidURIException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Opens the fleet's Redis connection pool from a URL: one Redis, or a primary found by Sentinel.
 */
public final class RedisConnections {
  private RedisConnections() {}

  /**
   * A pool for {@code redis://[[user]:password@]host[:port][/database]} (or {@code rediss://} for
   * TLS): Jedis takes the user, password and database index from the URL. Give {@code maxTotal} at
   * least the worker threads + 8 (JobRunr shares the pool). Over TLS the server's certificate must
   * be trusted by the JDK's trust store and name the URL's host (see {@link #clientConfig}).
   */
  /** How long a thread waits for a free connection before {@link RedisCommands} says why not. */
  public static final java.time.Duration MAX_WAIT = java.time.Duration.ofSeconds(30);

  public static JedisPool pool(String redisUrl, int maxTotal) {
    return pool(redisUrl, maxTotal, null, null);
  }

  /**
   * As {@link #pool(String, int)}, and for {@code
   * redis-sentinel://[user:password@]host:port[,host:port...]/<master>[/db]} a pool that follows
   * the primary the sentinels name ({@link SentinelJedisPool}); {@code sentinelPassword} (null:
   * none) is the sentinels' own, the URL's password the data nodes'.
   */
  public static JedisPool pool(String redisUrl, int maxTotal, @Nullable String sentinelPassword) {
    return pool(redisUrl, maxTotal, null, sentinelPassword);
  }

  /**
   * As {@link #pool(String, int)}, with the TLS socket factory to trust (null: the JDK's default).
   */
  static JedisPool pool(String redisUrl, int maxTotal, SSLSocketFactory tls) {
    return pool(redisUrl, maxTotal, tls, null);
  }

  private static JedisPool pool(
      String redisUrl,
      int maxTotal,
      @Nullable SSLSocketFactory tls,
      @Nullable String sentinelPassword) {
    if (RedisSentinelUrl.isSentinel(redisUrl))
      return sentinelPool(RedisSentinelUrl.parse(redisUrl), maxTotal, sentinelPassword);
    URI uri = parse(redisUrl);
    return new JedisPool(
        poolConfig(maxTotal), JedisURIHelper.getHostAndPort(uri), clientConfig(uri, tls));
  }

  /**
   * Asks the sentinels for the primary now (Jedis fails here when none answers or none knows the
   * name) and follows its fail-overs.
   */
  static JedisPool sentinelPool(
      RedisSentinelUrl url, int maxTotal, @Nullable String sentinelPassword) {
    JedisClientConfig data =
        DefaultJedisClientConfig.builder()
            .user(url.user())
            .password(url.password())
            .database(url.database())
            .build();
    JedisClientConfig sentinels =
        DefaultJedisClientConfig.builder().password(sentinelPassword).build();
    return new SentinelJedisPool(
        new JedisSentinelPool(
            url.master(), url.sentinels(), poolConfig(maxTotal), data, sentinels));
  }

  private static JedisPoolConfig poolConfig(int maxTotal) {
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(maxTotal);
    config.setMaxIdle(maxTotal);
    config.setMaxWait(MAX_WAIT); // not forever: a pool too small for the threads says so
    config.setJmxEnabled(false);
    return config;
  }

  /**
   * The URL as a URI; a malformed one is refused with a message that shows it without its user and
   * password (the URI parser would quote it whole).
   */
  static URI parse(String redisUrl) {
    try {
      return URI.create(redisUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "REDIS_URL is not a valid URL ("
              + RedisUrl.redacted(redisUrl)
              + "): expected redis://[[user]:password@]host[:port][/db], rediss://... or"
              + " redis-sentinel://[user:password@]host:port[,host:port...]/<master>[/db]",
          null);
    }
  }

  /**
   * User, password, database and protocol from the URL; for {@code rediss://}, TLS with the host
   * name checked during the handshake (endpoint identification "HTTPS": the certificate's subject
   * alternative names must hold the URL's DNS name or IP address), before the password is sent.
   */
  static JedisClientConfig clientConfig(URI uri, @Nullable SSLSocketFactory tls) {
    if (!JedisURIHelper.isValid(uri))
      throw new InvalidURIException("not a Redis URL: " + uri.getScheme() + "://" + uri.getHost());
    boolean ssl = JedisURIHelper.isRedisSSLScheme(uri);
    DefaultJedisClientConfig.Builder builder =
        DefaultJedisClientConfig.builder()
            .user(JedisURIHelper.getUser(uri))
            .password(JedisURIHelper.getPassword(uri))
            .database(JedisURIHelper.getDBIndex(uri))
            .protocol(JedisURIHelper.getRedisProtocol(uri))
            .ssl(ssl);
    if (ssl) builder.sslSocketFactory(tls).sslParameters(verifyingHostName());
    return builder.build();
  }

  private static SSLParameters verifyingHostName() {
    SSLParameters parameters = new SSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    return parameters;
  }
}
