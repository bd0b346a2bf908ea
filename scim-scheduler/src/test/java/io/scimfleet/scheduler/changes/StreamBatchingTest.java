package io.scimfleet.scheduler.changes;

import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncObjectsRequest;
import io.scimfleet.model.Change;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.ChangeFeed;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.TestSecurity;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A steady stream of changes (each read less than {@link ChangeConsumer#STREAM_GAP} after the last)
 * puts a provider's objects in one multi-object job; a change after a quiet spell goes alone.
 */
class StreamBatchingTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private final RecordingQueue queue = new RecordingQueue();
  private ChangeConsumer consumer;

  @BeforeEach
  void start() {
    stores
        .providers()
        .put(
            Provider.of(
                "crm",
                URI.create("http://127.0.0.1:9/scim/v2"),
                TestSecurity.inline("crm", "t0ken")));
    consumer = new ChangeConsumer(stores, queue, "one", clock);
  }

  @Test
  void aChangeAfterAQuietSpellIsAJobOfItsOwn() {
    clock.advance(Duration.ofMinutes(1));
    stores.directory().putUser(aUser("u1").build());
    stores.directory().putUser(aUser("u2").build());

    consumer.pollOnce(Duration.ZERO);

    assertThat(queue.jobs)
        .containsExactly(
            new SyncObjectRequest("crm", ObjectType.USER, "u1", null),
            new SyncObjectRequest("crm", ObjectType.USER, "u2", null));
  }

  @Test
  void changesInASteadyStreamGoInOneMultiObjectJob() {
    stores.directory().putUser(aUser("u1").build());
    consumer.pollOnce(Duration.ZERO);
    clock.advance(ChangeConsumer.STREAM_GAP.dividedBy(3));
    stores.directory().putUser(aUser("u2").build());
    stores.directory().putUser(aUser("u3").build());

    consumer.pollOnce(Duration.ZERO);

    assertThat(queue.jobs).hasSize(2);
    assertThat(queue.jobs.get(1))
        .isInstanceOfSatisfying(
            SyncObjectsRequest.class,
            batch ->
                assertThat(batch.objects())
                    .extracting(SyncObjectsRequest.Item::objectId)
                    .containsExactly("u2", "u3"));
  }

  @Test
  void theStreamEndsAfterAGap() {
    stores.directory().putUser(aUser("u1").build());
    consumer.pollOnce(Duration.ZERO);
    clock.advance(ChangeConsumer.STREAM_GAP.plusMillis(1));
    stores.directory().putUser(aUser("u2").build());
    stores.directory().putUser(aUser("u3").build());

    consumer.pollOnce(Duration.ZERO);

    assertThat(queue.jobs).hasSize(3).allMatch(SyncObjectRequest.class::isInstance);
  }

  @Test
  void aGatheringPassSleepsAndReadsWhatCameInsteadOfBlockingOnTheFeedForEachChange() {
    List<Duration> blocks = new CopyOnWriteArrayList<>();
    ChangeConsumer watched =
        new ChangeConsumer(
            stores.withChanges(new BlocksRecorded(stores.changes(), blocks)), queue, "one", clock);
    stores.directory().putUser(aUser("u1").build());
    watched.pollOnce(Duration.ZERO);
    clock.advance(ChangeConsumer.STREAM_GAP.dividedBy(3));
    stores.directory().putUser(aUser("u2").build());
    stores.directory().putUser(aUser("u3").build());

    watched.pollOnce(Duration.ofSeconds(1));

    // the second pass streams: after its first read it reads again without blocking
    assertThat(blocks).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO);
    assertThat(queue.jobs).hasSize(2);
  }

  /** The feed, with the block of each read recorded. */
  private record BlocksRecorded(ChangeFeed feed, List<Duration> blocks) implements ChangeFeed {
    @Override
    public void append(Change change) {
      feed.append(change);
    }

    @Override
    public List<Entry> read(String consumer, int max, Duration block) {
      blocks.add(block);
      return feed.read(consumer, max, block);
    }

    @Override
    public void ack(List<String> entryIds) {
      feed.ack(entryIds);
    }

    @Override
    public List<Entry> claimStale(String consumer, Duration minIdle, int max) {
      return feed.claimStale(consumer, minIdle, max);
    }

    @Override
    public long lag() {
      return feed.lag();
    }
  }
}
