package io.scimfleet.store.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A Lua script that is sent by its SHA1 ({@code EVALSHA}), not by its text: Redis keeps a script
 * once it was loaded, so a call carries the 40 characters of the digest instead of the source.
 * Redis forgets its scripts on {@code SCRIPT FLUSH}, on a restart and on a fail-over to a replica
 * that never ran them; the {@code NOSCRIPT} answer then loads the script ({@code SCRIPT LOAD}) and
 * runs it again. Inside MULTI/EXEC a {@code NOSCRIPT} would come too late (the transaction's other
 * commands would already have run), so {@link #queue} puts a {@code SCRIPT LOAD} in front of the
 * transaction's first call: EXEC runs both at once, nothing can flush the script in between.
 */
final class RedisScript {
  private final String source;
  private final String sha;

  RedisScript(String source) {
    this.source = source;
    this.sha = sha1(source);
  }

  /** The digest Redis knows the script by. */
  String sha() {
    return sha;
  }

  /** One call: {@code EVALSHA}, and on {@code NOSCRIPT} {@code SCRIPT LOAD} and once more. */
  Object run(Jedis jedis, List<String> keys, List<String> args) {
    try {
      return jedis.evalsha(sha, keys, args);
    } catch (JedisDataException e) {
      if (!missing(e)) throw e;
      jedis.scriptLoad(source);
      return jedis.evalsha(sha, keys, args);
    }
  }

  /**
   * Many independent calls in one pipeline: each is an {@code EVALSHA}; when Redis had lost the
   * script, it is loaded and the calls that found it missing run again in a second pipeline (they
   * did nothing the first time). Answers the replies in the order of {@code calls}.
   */
  List<Object> runAll(Jedis jedis, List<Call> calls) {
    List<Object> replies = new ArrayList<>(calls.size());
    List<Integer> missed = new ArrayList<>();
    Pipeline pipeline = jedis.pipelined();
    List<Response<Object>> first =
        calls.stream().map(call -> pipeline.evalsha(sha, call.keys(), call.args())).toList();
    pipeline.sync();
    for (int i = 0; i < first.size(); i++) {
      try {
        replies.add(first.get(i).get());
      } catch (JedisDataException e) {
        if (!missing(e)) throw e;
        replies.add(null);
        missed.add(i);
      }
    }
    if (missed.isEmpty()) return replies;
    jedis.scriptLoad(source);
    Pipeline again = jedis.pipelined();
    List<Response<Object>> second =
        missed.stream()
            .map(i -> again.evalsha(sha, calls.get(i).keys(), calls.get(i).args()))
            .toList();
    again.sync();
    for (int i = 0; i < missed.size(); i++) replies.set(missed.get(i), second.get(i).get());
    return replies;
  }

  /**
   * Queues the script in a transaction. The first call of a script in a transaction also queues its
   * {@code SCRIPT LOAD} (pass the same {@code loaded} list for the whole transaction).
   */
  Response<Object> queue(
      Transaction transaction, List<RedisScript> loaded, List<String> keys, List<String> args) {
    if (!loaded.contains(this)) {
      transaction.scriptLoad(source, keys.isEmpty() ? "" : keys.get(0));
      loaded.add(this);
    }
    return transaction.evalsha(sha, keys, args);
  }

  /** One call's keys and arguments, for {@link #runAll}. */
  record Call(List<String> keys, List<String> args) {}

  private static boolean missing(JedisDataException e) {
    String message = e.getMessage();
    return message != null && message.startsWith("NOSCRIPT");
  }

  private static String sha1(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }
}
