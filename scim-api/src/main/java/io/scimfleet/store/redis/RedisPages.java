package io.scimfleet.store.redis;

import io.scimfleet.store.Page;
import java.util.List;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Cursor paging over a sorted set whose scores are all 0, so that its members sort by id. */
final class RedisPages {
  private RedisPages() {}

  /**
   * Ids after {@code cursor} (exclusive: {@code (cursor}), one more than asked to learn whether a
   * next page exists. The cursor is an id, so it stays valid when that id is deleted meanwhile.
   */
  static Page<String> byLex(Jedis jedis, String key, @Nullable String cursor, int limit) {
    if (limit <= 0) throw new IllegalArgumentException("limit must be positive: " + limit);
    String from = cursor == null ? "-" : "(" + cursor;
    List<String> ids = jedis.zrangeByLex(key, from, "+", 0, limit + 1);
    if (ids.size() <= limit) return new Page<>(ids, null);
    List<String> page = ids.subList(0, limit);
    return new Page<>(page, page.get(limit - 1));
  }

  /** SCANs for the keys matching {@code pattern} and unlinks them, a page of the scan at a time. */
  static void unlinkMatching(Jedis jedis, String pattern) {
    ScanParams params = new ScanParams().match(pattern).count(1_000);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = jedis.scan(cursor, params);
      if (!page.getResult().isEmpty()) jedis.unlink(page.getResult().toArray(String[]::new));
      cursor = page.getCursor();
    } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
  }
}
