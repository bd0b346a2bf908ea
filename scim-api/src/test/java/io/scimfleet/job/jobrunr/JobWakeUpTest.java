package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * Job servers fetch when work is enqueued, not at their next poll (at least 5 s), and a burst
 * spreads over every server instead of landing on the one that fetched first.
 *
 * <p>The servers here poll every {@link #POLL} (30 s), so that a start "not at the poll" can be
 * told apart from one at the poll with a bound ({@link #AT_ONCE}) that a loaded machine's pauses do
 * not reach: with the fleet's 5 s poll the bound had to be 1.5 s.
 */
class JobWakeUpTest {
  private static final Duration POLL = Duration.ofSeconds(30);

  /** Well before the poll: a job that waited for it would start up to 30 s later. */
  private static final Duration AT_ONCE = Duration.ofSeconds(4);

  private static final int BURST = 12;

  private static final JobServerSettings EIGHT_THREADS =
      new JobServerSettings(8, POLL, Duration.ofSeconds(5), "wake");

  @Test
  void jobsEnqueuedOnAnIdleRedisFleetStartAtOnceNotAtThePoll() throws InterruptedException {
    String prefix = TestRedis.uniquePrefix("wake");
    JedisPool pool = TestRedis.pool();
    Map<String, Long> startedAt = new ConcurrentHashMap<>();
    try (JobRunrFleet worker = JobRunrFleet.redis(pool, prefix);
        JobRunrFleet scheduler = JobRunrFleet.redis(pool, prefix)) {
      worker.startServer(
          Map.of(
              SyncObjectHandler.class,
              (SyncObjectHandler) request -> startedAt.put(request.objectId(), System.nanoTime())),
          EIGHT_THREADS);
      await().atMost(Duration.ofSeconds(30)).until(worker::serverRunning);
      Thread.sleep(
          1_000); // past the server's first poll: from here on only a poll or a signal fetches
      for (int i = 0; i < 5; i++) {
        long enqueued = System.nanoTime();
        String id = "u" + i;
        scheduler.queue().enqueue(new SyncObjectRequest("slack", ObjectType.USER, id, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> startedAt.containsKey(id));
        assertThat(Duration.ofNanos(startedAt.get(id) - enqueued))
            .as("job %s waited", id)
            .isLessThan(AT_ONCE);
        Thread.sleep(700); // an idle fleet again, at another point of the poll cycle
      }
    } finally {
      TestRedis.deleteKeys(pool, prefix);
      pool.close();
    }
  }

  @Test
  void aJobHandedBackForASecondStartsSoonAfterThatSecondNotAtTheMastersPoll()
      throws InterruptedException {
    String prefix = TestRedis.uniquePrefix("due");
    JedisPool pool = TestRedis.pool();
    Map<String, Long> startedAt = new ConcurrentHashMap<>();
    try (JobRunrFleet worker = JobRunrFleet.redis(pool, prefix);
        JobRunrFleet scheduler = JobRunrFleet.redis(pool, prefix)) {
      worker.startServer(
          Map.of(
              SyncObjectHandler.class,
              (SyncObjectHandler) request -> startedAt.put(request.objectId(), System.nanoTime())),
          EIGHT_THREADS);
      await().atMost(Duration.ofSeconds(30)).until(worker::serverRunning);
      afterTheMastersFirstPass(scheduler, startedAt);
      for (int i = 0; i < 3; i++) {
        String id = "later" + i;
        long handedBack = System.nanoTime();
        scheduler
            .queue()
            .handBack(
                new SyncObjectRequest("slack", ObjectType.USER, id, null), Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> startedAt.containsKey(id));
        assertThat(Duration.ofNanos(startedAt.get(id) - handedBack))
            .as("job %s started after", id)
            .isBetween(Duration.ofMillis(900), Duration.ofSeconds(1).plus(AT_ONCE));
      }
    } finally {
      TestRedis.deleteKeys(pool, prefix);
      pool.close();
    }
  }

  /**
   * Returns once JobRunr's master has made its first pass over the scheduled jobs, 1 s after it
   * starts: a pass enqueues every job due within the poll interval, so a job handed back for a
   * second just before it would start at once (on a loaded machine, the hand-back right after the
   * server's start came before that pass often enough to fail the test). A job handed back for 10 s
   * starts early only at that pass (else at its time), and the next pass is a poll (30 s) later.
   */
  private static void afterTheMastersFirstPass(
      JobRunrFleet scheduler, Map<String, Long> startedAt) {
    scheduler
        .queue()
        .handBack(
            new SyncObjectRequest("slack", ObjectType.USER, "probe", null), Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(30)).until(() -> startedAt.containsKey("probe"));
  }

  @Test
  void inMemoryJobsStartAtOnceNotAtThePoll() throws InterruptedException {
    List<Long> startedAt = new CopyOnWriteArrayList<>();
    try (JobRunrFleet fleet = JobRunrFleet.inMemory()) {
      fleet.startServer(
          Map.of(
              SyncObjectHandler.class,
              (SyncObjectHandler) request -> startedAt.add(System.nanoTime())),
          EIGHT_THREADS);
      await().atMost(Duration.ofSeconds(30)).until(fleet::serverRunning);
      Thread.sleep(1_000); // past the server's first poll: only a signal fetches from here on
      long enqueued = System.nanoTime();
      fleet.queue().enqueue(new SyncObjectRequest("slack", ObjectType.USER, "u1", null));
      await().atMost(Duration.ofSeconds(10)).until(() -> !startedAt.isEmpty());
      assertThat(Duration.ofNanos(startedAt.get(0) - enqueued)).isLessThan(AT_ONCE);
    }
  }

  @Test
  void aBurstSpreadsOverEveryServer() throws InterruptedException {
    String prefix = TestRedis.uniquePrefix("spread");
    JedisPool pool = TestRedis.pool();
    List<String> ranOnFirst = new CopyOnWriteArrayList<>();
    List<String> ranOnSecond = new CopyOnWriteArrayList<>();
    CountDownLatch burstRunning = new CountDownLatch(BURST);
    try (JobRunrFleet first = JobRunrFleet.redis(pool, prefix);
        JobRunrFleet second = JobRunrFleet.redis(pool, prefix);
        JobRunrFleet scheduler = JobRunrFleet.redis(pool, prefix)) {
      first.startServer(
          Map.of(SyncObjectHandler.class, untilAllRun(burstRunning, ranOnFirst)), EIGHT_THREADS);
      second.startServer(
          Map.of(SyncObjectHandler.class, untilAllRun(burstRunning, ranOnSecond)), EIGHT_THREADS);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> first.serverRunning() && second.serverRunning());
      Thread.sleep(1_000); // past both servers' first poll: only signals fetch from here on

      scheduler
          .queue()
          .enqueueAll(
              IntStream.range(0, BURST)
                  .mapToObj(i -> new SyncObjectRequest("slack", ObjectType.USER, "u" + i, null))
                  .toList());

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ranOnFirst.size() + ranOnSecond.size() == BURST);
      assertThat(burstRunning.getCount()).as("jobs of the burst not running at once").isZero();
      assertThat(ranOnFirst).as("jobs run by the first server").hasSizeGreaterThanOrEqualTo(3);
      assertThat(ranOnSecond).as("jobs run by the second server").hasSizeGreaterThanOrEqualTo(3);
    } finally {
      TestRedis.deleteKeys(pool, prefix);
      pool.close();
    }
  }

  /**
   * A job that ends only once every job of the burst runs (or after 20 s), so that a burst cannot
   * fit on one server: 12 jobs on 8 threads each need both servers, however long the second one's
   * fetch takes on a loaded machine. (A 500 ms job left the first server time to run them all.)
   */
  private static SyncObjectHandler untilAllRun(CountDownLatch burstRunning, List<String> ran) {
    return request -> {
      burstRunning.countDown(); // first: once all 12 are recorded, the latch is at zero
      ran.add(request.objectId());
      burstRunning.await(20, TimeUnit.SECONDS);
    };
  }
}
