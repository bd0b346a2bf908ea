package io.scimfleet.store.redis;

import io.scimfleet.config.RedisUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.HostAndPort;

/**
 * {@code redis-sentinel://[user:password@]host:port[,host:port…]/<master>[/db]}: the sentinels to
 * ask, the name of the primary they watch, and the user, password and database of the data nodes
 * (the sentinels' own password, when they need one, is {@code SCIM_REDIS_SENTINEL_PASSWORD}).
 *
 * @param user null: the default user
 * @param password null: no password
 */
record RedisSentinelUrl(
    @Nullable String user,
    @Nullable String password,
    Set<HostAndPort> sentinels,
    String master,
    int database) {
  static final String SCHEME = "redis-sentinel://";
  private static final String FORM =
      "expected redis-sentinel://[user:password@]host:port[,host:port...]/<master>[/db]";

  static boolean isSentinel(String redisUrl) {
    return redisUrl != null && redisUrl.toLowerCase(Locale.ROOT).startsWith(SCHEME);
  }

  /**
   * @throws IllegalArgumentException with the URL redacted, when a part is missing or malformed
   */
  static RedisSentinelUrl parse(String redisUrl) {
    String rest = redisUrl.substring(SCHEME.length());
    int at = rest.lastIndexOf('@');
    String credentials = at < 0 ? "" : rest.substring(0, at);
    String hostsAndPath = rest.substring(at + 1);
    int slash = hostsAndPath.indexOf('/');
    if (slash < 0) throw invalid(redisUrl, "the primary's name is missing");
    String[] path = hostsAndPath.substring(slash + 1).split("/", -1);
    if (path[0].isBlank() || path.length > 2)
      throw invalid(redisUrl, "the path must be /<master> or /<master>/<db>");
    return new RedisSentinelUrl(
        user(credentials),
        password(credentials),
        sentinels(redisUrl, hostsAndPath.substring(0, slash)),
        decode(path[0]),
        path.length == 2 ? database(redisUrl, path[1]) : 0);
  }

  private static @Nullable String user(String credentials) {
    int colon = credentials.indexOf(':');
    String user = colon < 0 ? "" : credentials.substring(0, colon);
    return user.isEmpty() ? null : decode(user);
  }

  private static @Nullable String password(String credentials) {
    int colon = credentials.indexOf(':');
    String password = colon < 0 ? credentials : credentials.substring(colon + 1);
    return password.isEmpty() ? null : decode(password);
  }

  private static Set<HostAndPort> sentinels(String redisUrl, String hosts) {
    Set<HostAndPort> sentinels = new LinkedHashSet<>();
    for (String host : hosts.split(",", -1)) {
      int colon = host.lastIndexOf(':');
      if (host.isBlank() || colon <= 0 || colon == host.length() - 1)
        throw invalid(redisUrl, "each sentinel needs host:port (26379 is Sentinel's usual port)");
      sentinels.add(new HostAndPort(host.substring(0, colon), port(redisUrl, host, colon)));
    }
    return sentinels;
  }

  private static int port(String redisUrl, String host, int colon) {
    try {
      int port = Integer.parseInt(host.substring(colon + 1));
      if (port < 1 || port > 65_535) throw new NumberFormatException();
      return port;
    } catch (NumberFormatException e) {
      throw invalid(redisUrl, "'" + host + "' has no valid port");
    }
  }

  private static int database(String redisUrl, String text) {
    try {
      int database = Integer.parseInt(text);
      if (database < 0) throw new NumberFormatException();
      return database;
    } catch (NumberFormatException e) {
      throw invalid(redisUrl, "the database must be a whole number, not '" + text + "'");
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException invalid(String redisUrl, String why) {
    return new IllegalArgumentException(
        "REDIS_URL is not a valid Sentinel URL ("
            + RedisUrl.redacted(redisUrl)
            + "): "
            + why
            + "; "
            + FORM);
  }

  /** Never the password. */
  @Override
  public String toString() {
    return "RedisSentinelUrl[sentinels="
        + sentinels
        + ", master="
        + master
        + ", db="
        + database
        + "]";
  }
}
