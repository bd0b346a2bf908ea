package io.scimfleet.store.redis;

import io.scimfleet.store.ConsoleSessionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * One hash per session ({@code csrf}, {@code notice}) under the SHA-256 of its id, so that reading
 * Redis does not give a session away; its TTL is the idle time, set again on every use.
 */
public final class RedisConsoleSessionStore implements ConsoleSessionStore {
  /** Sets the notice only while the session exists, so a late notice cannot outlive it. */
  private static final RedisScript NOTICE_IF_LIVE =
      new RedisScript(
          "if redis.call('exists', KEYS[1]) == 1 then redis.call('hset', KEYS[1], 'notice', ARGV[1]) end"
              + " return 0");

  private final RedisCommands redis;
  private final RedisKeys keys;

  public RedisConsoleSessionStore(JedisPool pool, RedisKeys keys) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
  }

  @Override
  public void open(String sessionId, String csrfToken, Duration idle) {
    String key = key(sessionId);
    redis.run(
        "open a console session",
        j -> {
          Transaction t = j.multi();
          t.hset(key, "csrf", csrfToken);
          t.pexpire(key, idle.toMillis());
          t.exec();
        });
  }

  @Override
  public Optional<String> touch(String sessionId, Duration idle) {
    String key = key(sessionId);
    return Optional.ofNullable(
        redis.call(
            "read a console session",
            j -> {
              Transaction t = j.multi();
              Response<String> csrf = t.hget(key, "csrf");
              t.pexpire(key, idle.toMillis());
              t.exec();
              return csrf.get();
            }));
  }

  @Override
  public void close(String sessionId) {
    redis.run("close a console session", j -> j.del(key(sessionId)));
  }

  @Override
  public void notice(String sessionId, String text) {
    redis.run(
        "leave a console notice",
        j -> NOTICE_IF_LIVE.run(j, List.of(key(sessionId)), List.of(text)));
  }

  @Override
  public Optional<String> takeNotice(String sessionId) {
    String key = key(sessionId);
    return Optional.ofNullable(
        redis.call(
            "take a console notice",
            j -> {
              Transaction t = j.multi();
              Response<String> notice = t.hget(key, "notice");
              t.hdel(key, "notice");
              t.exec();
              return notice.get();
            }));
  }

  private String key(String sessionId) {
    return keys.consoleSession(sha256(sessionId));
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
