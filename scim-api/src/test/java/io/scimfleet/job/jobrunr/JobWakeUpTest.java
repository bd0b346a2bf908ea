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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * Job servers fetch when work is enqueued, not at their next poll (at least 5 s), and a burst
 * spreads over every server instead of landing on the one that fetched first.
 */
class JobWakeUpTest {
  private static final JobServerSettings EIGHT_THREADS =
      new JobServerSettings(8, Duration.ofSeconds(5), Duration.ofSeconds(5), "wake");

  @Test
  void jobsEnqueuedOnAnIdleRedisFleetStartWithinASecondNotAtThePoll() throws InterruptedException {
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
            .isLessThan(Duration.ofMillis(1_500));
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
            .isBetween(Duration.ofMillis(900), Duration.ofMillis(2_500));
      }
    } finally {
      TestRedis.deleteKeys(pool, prefix);
      pool.close();
    }
  }

  @Test
  void inMemoryJobsStartWithinASecond() throws InterruptedException {
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
      assertThat(Duration.ofNanos(startedAt.get(0) - enqueued))
          .isLessThan(Duration.ofMillis(1_500));
    }
  }

  @Test
  void aBurstSpreadsOverEveryServer() throws InterruptedException {
    String prefix = TestRedis.uniquePrefix("spread");
    JedisPool pool = TestRedis.pool();
    List<String> ranOnFirst = new CopyOnWriteArrayList<>();
    List<String> ranOnSecond = new CopyOnWriteArrayList<>();
    try (JobRunrFleet first = JobRunrFleet.redis(pool, prefix);
        JobRunrFleet second = JobRunrFleet.redis(pool, prefix);
        JobRunrFleet scheduler = JobRunrFleet.redis(pool, prefix)) {
      first.startServer(Map.of(SyncObjectHandler.class, slowly(ranOnFirst)), EIGHT_THREADS);
      second.startServer(Map.of(SyncObjectHandler.class, slowly(ranOnSecond)), EIGHT_THREADS);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> first.serverRunning() && second.serverRunning());
      Thread.sleep(1_000); // past both servers' first poll: only signals fetch from here on

      scheduler
          .queue()
          .enqueueAll(
              IntStream.range(0, 12)
                  .mapToObj(i -> new SyncObjectRequest("slack", ObjectType.USER, "u" + i, null))
                  .toList());

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ranOnFirst.size() + ranOnSecond.size() == 12);
      assertThat(ranOnFirst).as("jobs run by the first server").hasSizeGreaterThanOrEqualTo(3);
      assertThat(ranOnSecond).as("jobs run by the second server").hasSizeGreaterThanOrEqualTo(3);
    } finally {
      TestRedis.deleteKeys(pool, prefix);
      pool.close();
    }
  }

  private static SyncObjectHandler slowly(List<String> ran) {
    return request -> {
      try {
        Thread.sleep(500); // a job that takes time, so that a burst cannot fit on one server
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ran.add(request.objectId());
    };
  }
}
