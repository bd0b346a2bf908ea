package io.scimfleet.scheduler.changes;

import io.scimfleet.job.JobQueue;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.Provider;
import io.scimfleet.store.ChangeFeed;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the change feed as one consumer of its group and turns changes into per-object jobs. An
 * entry is acknowledged only after its jobs are marked pending and enqueued; entries a dead
 * scheduler read but never acknowledged are claimed after a minute and enqueued even where its mark
 * is left ({@link ChangeRouter#route}). Pending marks whose job never cleared them expire.
 */
public final class ChangeConsumer implements AutoCloseable {
  static final int BATCH = 500;
  static final Duration CLAIM_AFTER = Duration.ofMinutes(1);
  static final Duration PENDING_EXPIRY = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(ChangeConsumer.class);

  private final Stores stores;
  private final JobQueue queue;
  private final String consumer;
  private final Clock clock;
  private final ChangeRouter router;
  private volatile boolean running;
  private Thread thread;
  private Instant lastHousekeeping = Instant.EPOCH;

  public ChangeConsumer(Stores stores, JobQueue queue, String consumer, Clock clock) {
    this.stores = stores;
    this.queue = queue;
    this.consumer = consumer;
    this.clock = clock;
    this.router = new ChangeRouter(stores);
  }

  public synchronized void start() {
    running = true;
    thread = new Thread(this::loop, "scim-change-consumer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Handles what is there now (waiting up to {@code block} for something); returns the entries handled. */
  public int pollOnce(Duration block) {
    List<ChangeFeed.Entry> entries = new ArrayList<>(stores.changes().claimStale(consumer, CLAIM_AFTER, BATCH));
    boolean redelivered = !entries.isEmpty();
    if (entries.isEmpty()) entries.addAll(stores.changes().read(consumer, BATCH, block));
    if (entries.isEmpty()) return 0;
    List<SyncObjectRequest> jobs = router.route(entries.stream().map(ChangeFeed.Entry::change).toList(), redelivered);
    enqueue(jobs);
    stores.changes().ack(entries.stream().map(ChangeFeed.Entry::entryId).toList());
    return entries.size();
  }

  private void enqueue(List<SyncObjectRequest> jobs) {
    try {
      queue.enqueueAll(jobs);
    } catch (RuntimeException e) {
      jobs.forEach(job -> stores.pendingJobs().clear(job.provider(), job.type(), job.objectId()));
      throw e;
    }
  }

  private void loop() {
    while (running) {
      try {
        pollOnce(Duration.ofSeconds(1));
        housekeeping();
      } catch (RuntimeException e) {
        log.warn("change feed: {} (retrying)", e.getMessage());
        backOff();
      }
    }
  }

  private void housekeeping() {
    Instant now = clock.instant();
    if (Duration.between(lastHousekeeping, now).compareTo(Duration.ofMinutes(1)) < 0) return;
    lastHousekeeping = now;
    for (Provider provider : stores.providers().list()) stores.pendingJobs().expire(provider.name(), now.minus(PENDING_EXPIRY));
  }

  /** Redis is unreachable: wait a little before the next read instead of spinning. */
  private static void backOff() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    if (thread != null) thread.interrupt();
  }
}
