package io.scimfleet.store.redis;

import io.scimfleet.model.Change;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.params.XAddParams;

/** How a {@link Change} is written to and read from the change-feed stream. */
final class RedisChanges {
  private RedisChanges() {}

  /** Appends never trim: {@link RedisChangeFeed#trim} does, without losing a change silently. */
  static XAddParams append() {
    return XAddParams.xAddParams();
  }

  /** The same four fields on every entry, so that Redis stores their names once per stream node. */
  static Map<String, String> encode(Change change) {
    return Map.of(
        "k", change.kind().name(),
        "i", change.id(),
        "m", change.memberId() == null ? "" : change.memberId(),
        "o", change.operation().name());
  }

  /**
   * The change, or null for an entry that is not one (trimmed away, or written by something else).
   */
  static @Nullable Change decode(Map<String, String> fields) {
    if (fields == null || !fields.containsKey("k") || !fields.containsKey("i")) return null;
    String member = fields.getOrDefault("m", "");
    return new Change(
        Change.Kind.valueOf(Objects.requireNonNull(fields.get("k"), "k")),
        fields.get("i"),
        member.isEmpty() ? null : member,
        Change.Operation.valueOf(Objects.requireNonNull(fields.get("o"), "o")));
  }
}
