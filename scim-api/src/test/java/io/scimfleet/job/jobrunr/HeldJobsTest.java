package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.job.JobQueue;
import io.scimfleet.job.SyncPageHandler;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * Held jobs on JobRunr over Redis: they wait (as scheduled jobs) until released, a release starts
 * one at once and only once, and one never released starts by itself at its fallback time.
 */
class HeldJobsTest {
  /**
   * Long enough that a release starting its job "at once" is told apart from one waiting for the
   * poll with a bound ({@link #AT_ONCE}) that a loaded machine's pauses do not reach.
   */
  private static final Duration POLL = Duration.ofSeconds(30);

  /** Well before the poll: a released job that waited for it would start up to 30 s later. */
  private static final Duration AT_ONCE = Duration.ofSeconds(4);

  private static final JobServerSettings FOUR_THREADS =
      new JobServerSettings(4, POLL, Duration.ofSeconds(5), "held");

  private final String prefix = TestRedis.uniquePrefix("held");
  private final JedisPool pool = TestRedis.pool();
  private final Map<Integer, Long> started = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> runs = new ConcurrentHashMap<>();
  private JobRunrFleet worker;
  private JobRunrFleet scheduler;

  @BeforeEach
  void start() {
    worker = JobRunrFleet.redis(pool, prefix);
    scheduler = JobRunrFleet.redis(pool, prefix);
    worker.startServer(
        Map.of(
            SyncPageHandler.class,
            (SyncPageHandler)
                page -> {
                  started.putIfAbsent(page.page(), System.nanoTime());
                  runs.merge(page.page(), 1, Integer::sum);
                }),
        FOUR_THREADS);
    await().atMost(Duration.ofSeconds(30)).until(worker::serverRunning);
  }

  @AfterEach
  void stop() {
    worker.close();
    scheduler.close();
    TestRedis.deleteKeys(pool, prefix);
    pool.close();
  }

  @Test
  void aHeldJobWaitsUntilReleasedThenStartsAtOnceAndOnce() {
    JobQueue queue = scheduler.queue();
    queue.enqueueHeld(pages(1, 3), Duration.ofMinutes(10), Duration.ofSeconds(1));
    // past a wake-up cycle: nothing held may start by itself
    await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(10)).until(started::isEmpty);

    assertThat(scheduler.storage().countJobs(StateName.SCHEDULED)).isEqualTo(3);

    long released = System.nanoTime();
    queue.release(SyncPageRequest.idOf("r1", ObjectType.USER, 2));
    queue.release(SyncPageRequest.idOf("r1", ObjectType.USER, 2)); // twice: runs once
    await().atMost(Duration.ofSeconds(10)).until(() -> started.containsKey(2));

    assertThat(Duration.ofNanos(started.get(2) - released)).isLessThan(AT_ONCE);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(runs).containsOnlyKeys(2).containsEntry(2, 1));
  }

  @Test
  void aHeldJobNeverReleasedStartsAtItsFallbackTime() {
    scheduler.queue().enqueueHeld(pages(1, 2), Duration.ofSeconds(1), Duration.ofSeconds(1));

    await().atMost(Duration.ofSeconds(15)).until(() -> started.size() == 2);
    assertThat(runs).containsEntry(1, 1).containsEntry(2, 1);
  }

  @Test
  void releasingAJobThatIsNotThereChangesNothing() {
    scheduler.queue().release(SyncPageRequest.idOf("no-such-run", ObjectType.USER, 1));

    assertThat(scheduler.storage().countJobs(StateName.ENQUEUED)).isZero();
  }

  @Test
  void theQueueCountsTheRunningJobServers() {
    assertThat(scheduler.queue().jobServers()).isEqualTo(1);
  }

  private static List<SyncPageRequest> pages(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(
            i ->
                new SyncPageRequest(
                    "slack", "r1", ObjectType.USER, i, to, List.of("u" + i), false, 1))
        .toList();
  }
}
