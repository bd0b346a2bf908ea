package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.TestRedis;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.Paging;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * A job that hands itself back runs again as the same job, not as a copy: however often it is
 * handed back (twice in one run, in several runs), it stays one job, and it ends succeeded.
 */
class HandBackTest {
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void aJobHandedBackInMemoryIsRescheduledNotCopied() {
    try (JobRunrFleet fleet = JobRunrFleet.inMemory()) {
      handedBackTwiceThenRuns(fleet);
    }
  }

  @Test
  void aJobHandedBackOnRedisIsRescheduledNotCopied() {
    String prefix = TestRedis.uniquePrefix("hand-back");
    JedisPool pool = TestRedis.pool();
    try (JobRunrFleet fleet = JobRunrFleet.redis(pool, prefix)) {
      handedBackTwiceThenRuns(fleet);
    } finally {
      TestRedis.deleteKeys(pool, prefix);
      pool.close();
    }
  }

  private void handedBackTwiceThenRuns(JobRunrFleet fleet) {
    SyncObjectRequest request = new SyncObjectRequest("slow", ObjectType.USER, "u1", null);
    SyncObjectHandler handler =
        job -> {
          if (runs.incrementAndGet() > 2) return;
          fleet.queue().handBack(job, Duration.ofMillis(200));
          fleet.queue().handBack(job, Duration.ofMillis(200)); // a second call changes nothing
        };
    fleet.startServer(
        Map.of(SyncObjectHandler.class, handler),
        new JobServerSettings(2, Duration.ofSeconds(5), Duration.ofSeconds(5), "test"));

    fleet.queue().enqueue(request);

    await().atMost(Duration.ofSeconds(30)).until(() -> !jobs(fleet, StateName.SUCCEEDED).isEmpty());
    assertThat(runs).hasValue(3);
    assertThat(allJobs(fleet)).as("one job, run three times").isEqualTo(1);
    Job job = jobs(fleet, StateName.SUCCEEDED).get(0);
    assertThat(job.getJobName()).isEqualTo(request.jobName());
    assertThat(job.getJobStates())
        .filteredOn(state -> state.getName() == StateName.SCHEDULED)
        .as("rescheduled after each of its first two runs")
        .hasSize(2);
    assertThat(job.getJobStates()).noneMatch(state -> state.getName() == StateName.FAILED);
  }

  private static List<Job> jobs(JobRunrFleet fleet, StateName state) {
    return fleet.storage().getJobList(state, Paging.AmountBasedList.ascOnUpdatedAt(100));
  }

  private static long allJobs(JobRunrFleet fleet) {
    return Arrays.stream(StateName.values())
        .mapToLong(state -> fleet.storage().countJobs(state))
        .sum();
  }
}
