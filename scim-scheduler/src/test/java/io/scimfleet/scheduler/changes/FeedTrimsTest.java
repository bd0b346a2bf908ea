package io.scimfleet.scheduler.changes;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.FullSyncRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Change;
import io.scimfleet.model.Credential;
import io.scimfleet.store.ChangeFeed;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 6: changes a cap forces out unacknowledged are counted, and every enabled provider
 * gets a full sync that repairs them.
 */
class FeedTrimsTest {
  private final Stores real = Stores.inMemory();
  private final RecordingQueue queue = new RecordingQueue();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void droppedChangesAreCountedAndEveryEnabledProviderGetsAFullSync() {
    Stores stores = withFeed(new TrimmingFeed(new ChangeFeed.Trimmed(40, 7)));
    stores.providers().put(provider("crm").build());
    stores.providers().put(provider("slack").build());
    stores.providers().put(provider("off").disabled().build());

    new FeedTrims(stores, queue, new FleetMetrics(registry), Clock.systemUTC(), 100).run();

    assertThat(registry.get(FleetMetrics.CHANGES_DROPPED).counter().count()).isEqualTo(7);
    assertThat(queue.jobs)
        .filteredOn(FullSyncRequest.class::isInstance)
        .extracting(job -> job.provider())
        .containsExactlyInAnyOrder("crm", "slack");
  }

  @Test
  void aTrimOfAcknowledgedChangesOnlyCountsNothingAndSyncsNothing() {
    Stores stores = withFeed(new TrimmingFeed(new ChangeFeed.Trimmed(40, 0)));
    stores.providers().put(provider("crm").build());

    new FeedTrims(stores, queue, new FleetMetrics(registry), Clock.systemUTC(), 100).run();

    assertThat(registry.get(FleetMetrics.CHANGES_DROPPED).counter().count()).isZero();
    assertThat(queue.jobs).isEmpty();
  }

  private static io.scimfleet.testing.ProviderBuilder provider(String name) {
    return aProvider(name)
        .at("https://" + name + ".example/scim/v2")
        .withCredential(Credential.inline("t"));
  }

  private Stores withFeed(ChangeFeed feed) {
    return real.withChanges(feed);
  }

  /** A feed whose trim reports what the test says. */
  private record TrimmingFeed(ChangeFeed.Trimmed trimmed) implements ChangeFeed {
    @Override
    public Trimmed trim(long maxLength) {
      return trimmed;
    }

    @Override
    public void append(Change change) {}

    @Override
    public List<Entry> read(String consumer, int max, Duration block) {
      return List.of();
    }

    @Override
    public void ack(List<String> entryIds) {}

    @Override
    public List<Entry> claimStale(String consumer, Duration minIdle, int max) {
      return List.of();
    }

    @Override
    public long lag() {
      return 0;
    }
  }
}
