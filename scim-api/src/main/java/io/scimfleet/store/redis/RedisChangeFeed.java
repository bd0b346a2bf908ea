package io.scimfleet.store.redis;

import io.scimfleet.model.Change;
import io.scimfleet.store.ChangeFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * The change feed as a Redis Stream read through one consumer group: {@code XREADGROUP >} delivers
 * each entry to one consumer, where it stays pending until {@code XACK}; {@code XAUTOCLAIM} hands
 * the entries of a consumer that stopped to another one after they were idle long enough. The group
 * starts at the stream's beginning, so entries written before any reader are read too.
 */
public final class RedisChangeFeed implements ChangeFeed {
  public static final String DEFAULT_GROUP = "scim-fleet";
  private static final StreamEntryID START = new StreamEntryID(0, 0);

  private final RedisCommands redis;
  private final String key;
  private final String group;

  public RedisChangeFeed(JedisPool pool, RedisKeys keys) {
    this(pool, keys, DEFAULT_GROUP);
  }

  public RedisChangeFeed(JedisPool pool, RedisKeys keys, String group) {
    this.redis = new RedisCommands(pool);
    this.key = keys.changes();
    this.group = group;
    redis.run("create the consumer group " + group, this::createGroup);
  }

  @Override
  public void append(Change change) {
    redis.run(
        "append a change", j -> j.xadd(key, RedisChanges.append(), RedisChanges.encode(change)));
  }

  @Override
  public List<Entry> read(String consumer, int max, Duration block) {
    XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(max);
    // BLOCK 0 would wait forever: no block means no BLOCK, and a sub-millisecond one waits 1 ms
    if (!block.isZero()) params.block((int) Math.max(1, block.toMillis()));
    List<Map.Entry<String, List<StreamEntry>>> streams =
        withGroup(
            "read changes",
            j ->
                j.xreadGroup(
                    group,
                    consumer,
                    params,
                    Map.of(key, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)));
    List<Entry> entries = new ArrayList<>();
    if (streams != null)
      streams.forEach(stream -> stream.getValue().forEach(each -> add(entries, each)));
    return entries;
  }

  @Override
  public void ack(List<String> entryIds) {
    if (entryIds.isEmpty()) return;
    StreamEntryID[] ids = entryIds.stream().map(StreamEntryID::new).toArray(StreamEntryID[]::new);
    redis.run("acknowledge changes", j -> j.xack(key, group, ids));
  }

  /**
   * XAUTOCLAIM from the start of the pending list, following its cursor until {@code max} are
   * claimed.
   */
  @Override
  public List<Entry> claimStale(String consumer, Duration minIdle, int max) {
    return withGroup(
        "claim stale changes",
        j -> {
          List<Entry> claimed = new ArrayList<>();
          StreamEntryID cursor = START;
          do {
            Map.Entry<StreamEntryID, List<StreamEntry>> page =
                j.xautoclaim(
                    key,
                    group,
                    consumer,
                    minIdle.toMillis(),
                    cursor,
                    XAutoClaimParams.xAutoClaimParams().count(max - claimed.size()));
            page.getValue().forEach(each -> add(claimed, each));
            cursor = page.getKey();
          } while (claimed.size() < max && !START.equals(cursor));
          return claimed;
        });
  }

  /**
   * The group's {@code lag} from XINFO GROUPS (Redis 7): entries not yet delivered to any consumer.
   * When Redis cannot tell (it reports no lag after some deletions), counts the entries after the
   * group's last delivered id.
   */
  @Override
  public long lag() {
    return withGroup(
        "read the change-feed lag",
        j -> {
          StreamGroupInfo info =
              j.xinfoGroups(key).stream()
                  .filter(each -> group.equals(each.getName()))
                  .findFirst()
                  .orElseThrow();
          Object lag = info.getGroupInfo().get("lag");
          if (lag instanceof Long value) return value;
          return (long) j.xrange(key, "(" + info.getLastDeliveredId(), "+").size();
        });
  }

  /**
   * {@code XTRIM MINID} at the oldest entry still pending (or, with none, the group's last
   * delivered one): only acknowledged entries go. Then, if the stream still holds more than {@code
   * maxLength}, {@code XTRIM MAXLEN}: what that removes was never acknowledged.
   */
  @Override
  public Trimmed trim(long maxLength) {
    return withGroup(
        "trim the change feed",
        j -> {
          if (!j.exists(key)) return new Trimmed(0, 0);
          StreamGroupInfo info = groupInfo(j);
          StreamPendingSummary pending = j.xpending(key, group);
          StreamEntryID keepFrom =
              pending.getTotal() > 0 ? pending.getMinId() : info.getLastDeliveredId();
          long removed = j.xtrim(key, XTrimParams.xTrimParams().minId(keepFrom.toString()));
          long dropped =
              j.xlen(key) > maxLength
                  ? j.xtrim(key, XTrimParams.xTrimParams().maxLen(maxLength))
                  : 0;
          return new Trimmed(removed, dropped);
        });
  }

  @Override
  public int removeIdleConsumers(Duration idle) {
    return withGroup(
        "remove idle change-feed consumers",
        j -> {
          int removed = 0;
          for (StreamConsumerInfo consumer : j.xinfoConsumers2(key, group)) {
            if (consumer.getPending() == 0 && consumer.getIdle() > idle.toMillis()) {
              j.xgroupDelConsumer(key, group, consumer.getName());
              removed++;
            }
          }
          return removed;
        });
  }

  private StreamGroupInfo groupInfo(Jedis j) {
    return j.xinfoGroups(key).stream()
        .filter(each -> group.equals(each.getName()))
        .findFirst()
        .orElseThrow();
  }

  private void createGroup(Jedis jedis) {
    try {
      jedis.xgroupCreate(key, group, START, true);
    } catch (JedisDataException e) {
      if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) throw e;
    }
  }

  /** Runs a group command; when the stream was removed with its group, recreates them once. */
  private <T> T withGroup(String what, Function<Jedis, T> command) {
    return redis.call(
        what,
        j -> {
          try {
            return command.apply(j);
          } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("NOGROUP")) throw e;
            createGroup(j);
            return command.apply(j);
          }
        });
  }

  /** Skips entries whose body is gone (trimmed while pending; Redis 6.2 returns them empty). */
  private static void add(List<Entry> entries, StreamEntry entry) {
    Change change = entry == null ? null : RedisChanges.decode(entry.getFields());
    if (change != null) entries.add(new Entry(entry.getID().toString(), change));
  }
}
