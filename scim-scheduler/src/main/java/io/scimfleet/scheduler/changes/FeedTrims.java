package io.scimfleet.scheduler.changes;

import io.scimfleet.job.FullSyncStarts;
import io.scimfleet.job.JobQueue;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Provider;
import io.scimfleet.store.ChangeFeed;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the change feed short without losing a change silently: trims what every consumer
 * acknowledged; when the feed is past its cap anyway (consumers down for long), the oldest entries
 * go, are counted ({@code scim_changes_dropped_total}, alert {@code ScimChangesDropped}) and every
 * enabled provider gets a full sync, which repairs what those changes would have. Consumers idle
 * for {@link #DEAD_AFTER} with nothing pending are removed from the group.
 */
final class FeedTrims {
  static final Duration DEAD_AFTER = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(FeedTrims.class);

  private final Stores stores;
  private final FleetMetrics metrics;
  private final FullSyncStarts starts;
  private final long maxLength;

  FeedTrims(Stores stores, JobQueue queue, FleetMetrics metrics, Clock clock) {
    this(stores, queue, metrics, clock, ChangeFeed.MAX_LENGTH);
  }

  FeedTrims(Stores stores, JobQueue queue, FleetMetrics metrics, Clock clock, long maxLength) {
    this.stores = stores;
    this.metrics = metrics;
    this.starts = new FullSyncStarts(stores.syncState(), queue, clock);
    this.maxLength = maxLength;
    metrics.changesDropped(0);
  }

  /** A trim that fails is tried at the next housekeeping; it never stops the change loop. */
  void run() {
    try {
      trimAndPrune();
    } catch (RuntimeException e) {
      log.warn("change feed not trimmed this time: {}", e.getMessage());
    }
  }

  private void trimAndPrune() {
    ChangeFeed.Trimmed trimmed = stores.changes().trim(maxLength);
    if (trimmed.dropped() > 0) dropped(trimmed.dropped());
    int gone = stores.changes().removeIdleConsumers(DEAD_AFTER);
    if (gone > 0) log.info("removed {} change-feed consumers idle for over {}", gone, DEAD_AFTER);
  }

  private void dropped(long entries) {
    metrics.changesDropped(entries);
    log.error(
        "change feed over {} entries: {} changes never handled were trimmed; a full sync of every"
            + " enabled provider repairs them",
        maxLength,
        entries);
    for (Provider provider : stores.providers().list())
      if (provider.enabled()) starts.ask(provider.name(), false);
  }
}
