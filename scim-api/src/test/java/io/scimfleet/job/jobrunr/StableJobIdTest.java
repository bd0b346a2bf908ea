package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.job.JobQueue;
import io.scimfleet.model.FullSyncRun.Phase;
import io.scimfleet.testing.TestRedis;
import java.util.List;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * A job with a stable id exists once however often it is enqueued, on either storage (no server
 * runs).
 */
class StableJobIdTest {

  @Test
  void aPhaseEnqueuedTwiceInMemoryIsOneJob() {
    try (JobRunrFleet fleet = JobRunrFleet.inMemory()) {
      enqueueTwice(fleet.queue());
      assertThat(fleet.storage().countJobs(StateName.ENQUEUED)).isEqualTo(2);
    }
  }

  @Test
  void aPhaseEnqueuedTwiceOnRedisIsOneJob() {
    String prefix = TestRedis.uniquePrefix("stableid");
    try (JedisPool pool = TestRedis.pool();
        JobRunrFleet fleet = JobRunrFleet.redis(pool, prefix)) {
      try {
        enqueueTwice(fleet.queue());
        assertThat(fleet.storage().countJobs(StateName.ENQUEUED)).isEqualTo(2);
      } finally {
        TestRedis.deleteKeys(pool, prefix);
      }
    }
  }

  /** Two phases of one run, each enqueued twice, once alone and once in a batch. */
  private static void enqueueTwice(JobQueue queue) {
    FullSyncPhaseRequest groups = new FullSyncPhaseRequest("slack", "r1", Phase.GROUPS, false);
    FullSyncPhaseRequest cleanup = new FullSyncPhaseRequest("slack", "r1", Phase.CLEANUP, false);
    queue.enqueue(groups);
    queue.enqueue(groups);
    queue.enqueueAll(List.of(cleanup, groups));
    queue.enqueueAll(List.of(cleanup));
  }
}
