package io.scimfleet.scheduler.changes;

import io.scimfleet.job.JobQueue;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.mapping.MappingLimits;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Provider;
import io.scimfleet.store.ChangeFeed;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the change feed as one consumer of its group and turns changes into per-object jobs, or,
 * for a burst, multi-object jobs per provider ({@link JobBatches}). An entry is acknowledged only
 * after its jobs are enqueued; entries that a dead scheduler (or this one, before Redis failed)
 * read but never acknowledged are claimed after {@link #CLAIM_AFTER} (looked for every {@link
 * #CLAIM_EVERY}). Pending marks whose job never cleared them expire; marks of jobs that could not
 * be enqueued are cleared as soon as Redis answers again. The loop rides out Redis outages of any
 * length (one WARN line per outage, a back-off of at most {@link Outage#MAX_PAUSE}) and runs {@code
 * afterOutage} when Redis answers again.
 */
public final class ChangeConsumer implements AutoCloseable {
  static final int BATCH = 500;

  /**
   * A read of more changes than a trickle, or one in a steady stream, reads again after this long
   * what arrived meanwhile, up to {@link #BATCH} in all: a burst makes full jobs, and a steady
   * stream waits no longer than this.
   */
  static final Duration GATHER = Duration.ofMillis(150);

  /**
   * Changes read less than this apart make a steady stream: each read gathers for up to {@link
   * #GATHER}, and a provider's two or more objects go in one multi-object job instead of a job each
   * (JobRunr's cost per job is most of a change's). A change alone after a quiet spell still goes
   * out at once, as a job of its own.
   */
  static final Duration STREAM_GAP = Duration.ofMillis(300);

  static final Duration CLAIM_AFTER = Duration.ofSeconds(15);

  /**
   * How often it looks for entries to claim: they become claimable only after {@link #CLAIM_AFTER},
   * so a look at every pass (an XAUTOCLAIM per change in a trickle) finds nothing more.
   */
  static final Duration CLAIM_EVERY = Duration.ofSeconds(5);

  static final Duration PENDING_EXPIRY = Duration.ofHours(1);

  /**
   * A loop pass that has not ended for this long is stuck: the process cannot leave that by itself.
   */
  static final Duration STUCK_AFTER = Duration.ofMinutes(2);

  private static final Duration BLOCK = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(ChangeConsumer.class);

  private final Stores stores;
  private final JobQueue queue;
  private final String consumer;
  private final Clock clock;
  private final ChangeRouter router;
  private final Runnable afterOutage;
  private final Outage outage;
  private final ExpiredPasswords expiredPasswords;
  private final FeedTrims trims;
  private final Queue<SyncObjectRequest> marksToClear = new ConcurrentLinkedQueue<>();
  private final RecentObjects recent = new RecentObjects();
  private volatile boolean running;

  /** Set by {@link #start}, before {@link #thread}. */
  private volatile @Nullable Instant lastPass;

  private volatile @Nullable Thread thread;
  private Instant lastHousekeeping = Instant.EPOCH;
  private Instant lastChangeRead = Instant.EPOCH;
  private Instant lastClaim = Instant.EPOCH;
  private boolean streaming;

  /** Nothing to do after an outage, metrics of its own, the default mapping limits (tests). */
  public ChangeConsumer(Stores stores, JobQueue queue, String consumer, Clock clock) {
    this(stores, queue, consumer, clock, () -> {}, new FleetMetrics(), MappingLimits.defaults());
  }

  /**
   * @param limits the bounds of every scope filter's evaluation ({@code SCIM_MAPPING_*})
   */
  public ChangeConsumer(
      Stores stores,
      JobQueue queue,
      String consumer,
      Clock clock,
      Runnable afterOutage,
      FleetMetrics metrics,
      MappingLimits limits) {
    this.trims = new FeedTrims(stores, queue, metrics, clock);
    this.stores = stores;
    this.queue = queue;
    this.consumer = consumer;
    this.clock = clock;
    this.router = new ChangeRouter(stores, limits);
    this.afterOutage = afterOutage;
    this.outage = new Outage("change feed", log, clock);
    this.expiredPasswords = new ExpiredPasswords(stores);
  }

  public synchronized void start() {
    running = true;
    lastPass = clock.instant();
    thread = new Thread(this::loop, "scim-change-consumer");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Handles what is there now (waiting up to {@code block} for something); returns the entries
   * handled.
   */
  public int pollOnce(Duration block) {
    clearMarksOfJobsNotEnqueued();
    List<ChangeFeed.Entry> entries = new ArrayList<>(claimStale());
    boolean redelivered = !entries.isEmpty();
    if (entries.isEmpty()) gather(entries, block);
    if (entries.isEmpty()) return 0;
    DeletionMarks.record(stores.receipts(), entries, clock.instant());
    List<SyncObjectRequest> jobs =
        router.route(entries.stream().map(ChangeFeed.Entry::change).toList(), redelivered);
    enqueue(jobs);
    stores.changes().ack(entries.stream().map(ChangeFeed.Entry::entryId).toList());
    return entries.size();
  }

  /**
   * Entries read but not acknowledged for {@link #CLAIM_AFTER}, looked for at most every {@link
   * #CLAIM_EVERY} (at the next pass again after a full batch).
   */
  private List<ChangeFeed.Entry> claimStale() {
    Instant now = clock.instant();
    if (now.isBefore(lastClaim.plus(CLAIM_EVERY))) return List.of();
    List<ChangeFeed.Entry> claimed = stores.changes().claimStale(consumer, CLAIM_AFTER, BATCH);
    lastClaim = claimed.size() < BATCH ? now : Instant.EPOCH;
    return claimed;
  }

  /**
   * Reads what is there (waiting up to {@code block}); when that is more than a trickle, reads on
   * while more arrives, for up to {@link #GATHER} and {@link #BATCH} entries: a burst then makes
   * full multi-object jobs ({@link JobBatches}), a trickle goes out at once. It sleeps out the
   * gather and then reads what came meanwhile, rather than read each change as it comes: in a
   * steady stream a blocking read woke this thread (and its Redis reply) for every change.
   */
  private void gather(List<ChangeFeed.Entry> entries, Duration block) {
    entries.addAll(stores.changes().read(consumer, BATCH, block));
    Instant now = clock.instant();
    streaming = !entries.isEmpty() && now.isBefore(lastChangeRead.plus(STREAM_GAP));
    if (!entries.isEmpty()) lastChangeRead = now;
    Instant until = now.plus(GATHER);
    while ((streaming || entries.size() > JobBatches.TRICKLE)
        && entries.size() < BATCH
        && clock.instant().isBefore(until)) {
      if (!pauseFor(Duration.between(clock.instant(), until))) return;
      List<ChangeFeed.Entry> more =
          stores.changes().read(consumer, BATCH - entries.size(), Duration.ZERO);
      if (more.isEmpty()) return;
      entries.addAll(more);
    }
  }

  /** False when interrupted (closing): the changes read so far go out now. */
  private static boolean pauseFor(Duration pause) {
    try {
      Thread.sleep(Math.max(1, pause.toMillis()));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void enqueue(List<SyncObjectRequest> jobs) {
    try {
      RecentObjects.Split split = recent.split(jobs, clock.millis());
      int singlesUpTo = streaming ? 1 : JobBatches.TRICKLE;
      queue.enqueueAll(JobBatches.of(split.now(), singlesUpTo));
      if (!split.later().isEmpty())
        queue.enqueueAllAfter(JobBatches.of(split.later(), singlesUpTo), RecentObjects.COOL_DOWN);
    } catch (RuntimeException e) {
      marksToClear.addAll(jobs);
      try {
        clearMarksOfJobsNotEnqueued();
      } catch (RuntimeException stillDown) {
        e.addSuppressed(stillDown); // cleared at the start of the next pass that works
      }
      throw e;
    }
  }

  /** A mark whose job was never enqueued would hold back that object's changes until it expires. */
  private void clearMarksOfJobsNotEnqueued() {
    for (SyncObjectRequest job = marksToClear.peek(); job != null; job = marksToClear.peek()) {
      stores.pendingJobs().clear(job.provider(), job.type(), job.objectId());
      marksToClear.remove(job);
    }
  }

  /**
   * False when the loop cannot go on by itself: its thread died, or one pass has not ended for
   * {@link #STUCK_AFTER} (a read that hangs). An unreachable Redis is not that: passes keep failing
   * fast.
   */
  public boolean alive() {
    Thread loop = thread;
    if (loop == null || !running) return true;
    Instant last = Objects.requireNonNull(lastPass, "start() sets lastPass before thread");
    return loop.isAlive() && last.plus(STUCK_AFTER).isAfter(clock.instant());
  }

  private void loop() {
    while (running) {
      try {
        pollOnce(BLOCK);
        housekeeping();
        expiredPasswords.dropDue(clock.instant());
        if (outage.worked()) afterOutage.run();
      } catch (RuntimeException e) {
        pause(outage.failed(e));
      }
      lastPass = clock.instant();
    }
  }

  private void housekeeping() {
    Instant now = clock.instant();
    if (Duration.between(lastHousekeeping, now).compareTo(Duration.ofMinutes(1)) < 0) return;
    lastHousekeeping = now;
    for (Provider provider : stores.providers().list())
      stores.pendingJobs().expire(provider.name(), now.minus(PENDING_EXPIRY));
    trims.run();
  }

  /** Redis is unreachable: wait a little before the next read instead of spinning. */
  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
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
