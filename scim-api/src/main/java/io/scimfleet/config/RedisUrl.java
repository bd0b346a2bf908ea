package io.scimfleet.config;

import org.jspecify.annotations.Nullable;

/** How a Redis URL may be shown: never with its user and password. */
public final class RedisUrl {
  private RedisUrl() {}

  /**
   * The URL with whatever stands between "//" and its last "@" (the user and password, which may
   * themselves hold "/" or "@") replaced by "***"; a URL without credentials as it is.
   */
  public static @Nullable String redacted(String redisUrl) {
    if (redisUrl == null) return null;
    int at = redisUrl.lastIndexOf('@');
    if (at < 0) return redisUrl;
    int scheme = redisUrl.indexOf("//");
    int from = scheme < 0 || scheme > at ? 0 : scheme + 2;
    return redisUrl.substring(0, from) + "***" + redisUrl.substring(at);
  }
}
