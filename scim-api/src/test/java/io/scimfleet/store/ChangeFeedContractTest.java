package io.scimfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.model.Change;
import io.scimfleet.model.Change.Operation;
import io.scimfleet.store.ChangeFeed.Entry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** At-least-once delivery through one consumer group, for every {@link ChangeFeed}. */
public abstract class ChangeFeedContractTest {
  /** How long an unacknowledged entry must be idle before another consumer may claim it. */
  protected static final Duration IDLE = Duration.ofMillis(500);

  protected ChangeFeed feed;

  /** A fresh, empty feed. */
  protected abstract ChangeFeed newFeed();

  /**
   * Lets {@code duration} pass for the feed's idle times: moves its clock, or lets real time pass.
   */
  protected abstract void passTime(Duration duration);

  @BeforeEach
  void createFeed() {
    feed = newFeed();
  }

  @Test
  public void readDeliversAppendedChangesInOrder() {
    appendUsers(3);

    assertThat(feed.read("a", 10, Duration.ZERO))
        .extracting(Entry::change)
        .containsExactly(user(0), user(1), user(2));
    assertThat(feed.read("a", 10, Duration.ZERO)).isEmpty();
  }

  @Test
  public void twoConsumersSplitTheEntriesBetweenThem() {
    appendUsers(10);

    List<Entry> first = feed.read("a", 4, Duration.ZERO);
    List<Entry> second = feed.read("b", 100, Duration.ZERO);

    assertThat(first).hasSize(4);
    assertThat(second).hasSize(6);
    Set<String> ids = new HashSet<>();
    first.forEach(entry -> ids.add(entry.entryId()));
    second.forEach(entry -> ids.add(entry.entryId()));
    assertThat(ids).hasSize(10);
  }

  @Test
  public void unacknowledgedEntryIsClaimedByAnotherConsumerAfterItWasIdle() {
    appendUsers(2);
    List<Entry> read = feed.read("dead", 10, Duration.ZERO);
    feed.ack(List.of(read.get(0).entryId()));

    assertThat(feed.claimStale("alive", IDLE, 10)).isEmpty();
    passTime(IDLE);
    List<Entry> claimed = new ArrayList<>();
    await() // Redis's idle time passing: how long it takes is not the point
        .atMost(30, TimeUnit.SECONDS)
        .until(() -> claimed.addAll(feed.claimStale("alive", IDLE, 10)));

    assertThat(claimed).containsExactly(read.get(1));
    assertThat(feed.claimStale("other", IDLE, 10))
        .as("a claim makes the entry busy again")
        .isEmpty();
  }

  @Test
  public void acknowledgedEntryIsNeverDeliveredAgain() {
    appendUsers(1);
    List<Entry> read = feed.read("a", 10, Duration.ZERO);
    feed.ack(read.stream().map(Entry::entryId).toList());

    passTime(IDLE.multipliedBy(2));

    assertThat(feed.claimStale("b", Duration.ZERO, 10)).isEmpty();
    assertThat(feed.read("b", 10, Duration.ZERO)).isEmpty();
  }

  @Test
  public void claimStaleTakesAtMostMax() {
    appendUsers(5);
    feed.read("dead", 10, Duration.ZERO);

    assertThat(feed.claimStale("alive", Duration.ZERO, 3)).hasSize(3);
  }

  @Test
  public void lagCountsEntriesNotYetRead() {
    appendUsers(3);
    assertThat(feed.lag()).isEqualTo(3);

    feed.read("a", 2, Duration.ZERO);

    assertThat(feed.lag()).isEqualTo(1);
  }

  @Test
  public void blockedReadReturnsAsSoonAsAChangeIsAppended() throws Exception {
    CompletableFuture<List<Entry>> reading =
        CompletableFuture.supplyAsync(() -> feed.read("a", 10, Duration.ofSeconds(10)));
    await()
        .pollDelay(Duration.ofMillis(50))
        .atMost(5, TimeUnit.SECONDS)
        .until(
            () -> {
              if (!reading.isDone()) feed.append(user(0));
              return reading.isDone();
            });

    assertThat(reading.get()).isNotEmpty().extracting(Entry::change).first().isEqualTo(user(0));
  }

  @Test
  public void readWithNothingNewReturnsEmptyAfterItsBlock() {
    assertThat(feed.read("a", 10, Duration.ofMillis(20))).isEmpty();
  }

  private void appendUsers(int n) {
    IntStream.range(0, n).forEach(i -> feed.append(user(i)));
  }

  private static Change user(int i) {
    return Change.user("u" + i, Operation.UPSERT);
  }
}
