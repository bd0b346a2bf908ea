package io.scimfleet.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.model.Change;
import io.scimfleet.model.Change.Operation;
import io.scimfleet.store.ChangeFeed;
import io.scimfleet.testing.RedisFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 6: appends never trim the stream; a trim removes only acknowledged entries, and
 * what a cap forces out unacknowledged is counted. Consumers gone idle with nothing pending go.
 */
class RedisChangeFeedTrimTest {
  private static RedisFixture redis;
  private ChangeFeed feed;

  @BeforeAll
  static void openRedis() {
    redis = RedisFixture.open(RedisChangeFeedTrimTest.class);
  }

  @AfterAll
  static void closeRedis() {
    redis.close();
  }

  @BeforeEach
  void tenChangesFiveRead() {
    feed = new RedisChangeFeed(redis.pool(), redis.keys());
    for (int i = 1; i <= 10; i++) feed.append(Change.user("u" + i, Operation.UPSERT));
    List<ChangeFeed.Entry> read = feed.read("reader", 5, Duration.ZERO);
    feed.ack(read.subList(0, 3).stream().map(ChangeFeed.Entry::entryId).toList()); // u4, u5 pend
  }

  @AfterEach
  void removeKeys() {
    redis.clean();
  }

  @Test
  void aTrimRemovesOnlyTheAcknowledgedEntries() {
    ChangeFeed.Trimmed trimmed = feed.trim(1_000);

    assertThat(trimmed).isEqualTo(new ChangeFeed.Trimmed(3, 0));
    assertThat(length()).isEqualTo(7);
    assertThat(feed.claimStale("other", Duration.ZERO, 10))
        .extracting(entry -> entry.change().id())
        .containsExactly("u4", "u5");
  }

  @Test
  void aCapThatForcesOutUnacknowledgedEntriesCountsThemAsDropped() {
    ChangeFeed.Trimmed trimmed = feed.trim(4);

    assertThat(trimmed).isEqualTo(new ChangeFeed.Trimmed(3, 3)); // u4, u5 pending; u6 unread
    assertThat(length()).isEqualTo(4);
    assertThat(feed.read("reader", 10, Duration.ZERO))
        .extracting(entry -> entry.change().id())
        .containsExactly("u7", "u8", "u9", "u10");
  }

  @Test
  void consumersIdleWithNothingPendingAreRemoved() {
    feed.read("gone", 1, Duration.ZERO).forEach(e -> feed.ack(List.of(e.entryId())));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> feed.removeIdleConsumers(Duration.ofMillis(200)) == 1);

    assertThat(consumers()).containsExactly("reader"); // it still has u4 and u5 pending
  }

  private long length() {
    try (var jedis = redis.pool().getResource()) {
      return jedis.xlen(redis.keys().changes());
    }
  }

  private List<String> consumers() {
    try (var jedis = redis.pool().getResource()) {
      return jedis.xinfoConsumers2(redis.keys().changes(), RedisChangeFeed.DEFAULT_GROUP).stream()
          .map(c -> c.getName())
          .toList();
    }
  }
}
