package io.scimfleet.scheduler.changes;

import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.SyncObjectRequest;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scheduler that dies between marking a change pending and enqueuing its job loses nothing. */
class ChangeRedeliveryTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private final Queue queue = new Queue();

  @BeforeEach
  void directoryWithOneChange() {
    stores
        .providers()
        .put(
            Provider.of(
                "crm",
                URI.create("http://127.0.0.1:9/scim/v2"),
                TestSecurity.inline("crm", "t0ken")));
    stores.directory().putUser(aUser("u1").build());
  }

  @Test
  void aChangeWhoseEnqueueNeverHappenedIsEnqueuedWhenItIsDeliveredAgain() {
    queue.crashOnNextEnqueue = true;
    ChangeConsumer dying = new ChangeConsumer(stores, queue, "dying", clock);
    assertThatThrownBy(() -> dying.pollOnce(Duration.ZERO)).isInstanceOf(Crash.class);
    assertThat(stores.pendingJobs().count("crm")).isEqualTo(1);

    clock.advance(ChangeConsumer.CLAIM_AFTER.plusSeconds(1));
    new ChangeConsumer(stores, queue, "survivor", clock).pollOnce(Duration.ZERO);

    assertThat(queue.jobs)
        .containsExactly(new SyncObjectRequest("crm", ObjectType.USER, "u1", null));
    assertThat(stores.changes().read("survivor", 10, Duration.ZERO)).isEmpty();
  }

  @Test
  void aFreshChangeWhileAJobIsPendingStillEnqueuesNothing() {
    ChangeConsumer consumer = new ChangeConsumer(stores, queue, "one", clock);
    consumer.pollOnce(Duration.ZERO);
    stores.directory().putUser(aUser("u1").named("Ada Lovelace").build());

    consumer.pollOnce(Duration.ZERO);

    assertThat(queue.jobs).hasSize(1);
  }

  @Test
  void staleEntriesAreLookedForAtMostEveryFewSeconds() {
    CountingClaims feed = new CountingClaims(stores.changes());
    ChangeConsumer consumer = new ChangeConsumer(stores.withChanges(feed), queue, "one", clock);

    consumer.pollOnce(Duration.ZERO);
    consumer.pollOnce(Duration.ZERO);
    clock.advance(ChangeConsumer.CLAIM_EVERY.minusMillis(1));
    consumer.pollOnce(Duration.ZERO);
    assertThat(feed.claims).isEqualTo(1);

    clock.advance(Duration.ofMillis(1));
    consumer.pollOnce(Duration.ZERO);
    assertThat(feed.claims).isEqualTo(2);
  }

  /** The in-memory feed, counting the looks for stale entries. */
  private static final class CountingClaims implements ChangeFeed {
    private final ChangeFeed feed;
    int claims;

    CountingClaims(ChangeFeed feed) {
      this.feed = feed;
    }

    @Override
    public List<Entry> claimStale(String consumer, Duration minIdle, int max) {
      claims++;
      return feed.claimStale(consumer, minIdle, max);
    }

    @Override
    public void append(Change change) {
      feed.append(change);
    }

    @Override
    public List<Entry> read(String consumer, int max, Duration block) {
      return feed.read(consumer, max, block);
    }

    @Override
    public void ack(List<String> entryIds) {
      feed.ack(entryIds);
    }

    @Override
    public Trimmed trim(long maxLength) {
      return feed.trim(maxLength);
    }

    @Override
    public long lag() {
      return feed.lag();
    }
  }

  /** What a killed process looks like to the code after the failing call: nothing more runs. */
  private static final class Crash extends Error {
    Crash() {
      super("the process died here");
    }
  }

  private static final class Queue extends RecordingQueue {
    boolean crashOnNextEnqueue;

    @Override
    public void enqueueAll(List<? extends FleetJob> batch) {
      if (crashOnNextEnqueue) {
        crashOnNextEnqueue = false;
        throw new Crash();
      }
      super.enqueueAll(batch);
    }
  }
}
