package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.config.JobRetention;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.TestRedis;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.states.AbstractJobState;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/** Failed jobs on the real Redis: removed for good after their retention, kept before it. */
class FailedJobPurgeTest {
  private static final String PREFIX = TestRedis.uniquePrefix("purge");
  private static JedisPool pool;
  private static JobRunrFleet fleet;

  @BeforeAll
  static void start() {
    pool = TestRedis.pool();
    fleet = JobRunrFleet.redis(pool, PREFIX);
  }

  @AfterAll
  static void stop() {
    fleet.close();
    TestRedis.deleteKeys(pool, PREFIX);
    pool.close();
  }

  @Test
  void aFailedJobOlderThanTheRetentionIsRemovedAndARecentOneStays() throws Exception {
    StorageProvider storage = fleet.storage();
    UUID old = failedJob(storage, Instant.now().minus(Duration.ofDays(8)));
    UUID recent = failedJob(storage, Instant.now().minus(Duration.ofDays(6)));

    int removed = new FailedJobPurge(storage, Duration.ofDays(7), Clock.systemUTC()).run();

    assertThat(removed).isEqualTo(1);
    assertThat(find(storage, old)).isEmpty();
    assertThat(find(storage, recent)).isPresent();
  }

  @Test
  void morePagesThanOneAreAllRemoved() throws Exception {
    StorageProvider storage = fleet.storage();
    for (int i = 0; i < FailedJobPurge.PAGE + 20; i++)
      failedJob(storage, Instant.now().minus(Duration.ofDays(30)));

    assertThat(new FailedJobPurge(storage, Duration.ofDays(7), Clock.systemUTC()).run())
        .isEqualTo(FailedJobPurge.PAGE + 20);
  }

  @Test
  void theRetentionIsConfigurableAndDefaultsToSevenDays() {
    assertThat(JobRetention.fromEnv(Map.of()).failed()).isEqualTo(Duration.ofDays(7));
    JobRetention custom =
        JobRetention.fromEnv(
            Map.of(
                "SCIM_FAILED_JOB_RETENTION_DAYS",
                "2",
                "SCIM_SUCCEEDED_JOB_RETENTION_MINUTES",
                "10",
                "SCIM_DELETED_JOB_RETENTION_MINUTES",
                "5"));
    assertThat(custom)
        .isEqualTo(
            new JobRetention(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofDays(2)));
  }

  /**
   * A job that failed at {@code when}: JobRunr stamps states with the current time, so the test
   * moves it back.
   */
  private static UUID failedJob(StorageProvider storage, Instant when)
      throws ReflectiveOperationException {
    FailedState failed = new FailedState("POST /Users -> 400", new IllegalStateException("test"));
    Field createdAt = AbstractJobState.class.getDeclaredField("createdAt");
    createdAt.setAccessible(true);
    createdAt.set(failed, when);
    Job job =
        new Job(
            UUID.randomUUID(),
            new JobDetails(
                new FleetJobRequest(new SyncObjectRequest("p", ObjectType.USER, "u1", null))),
            failed);
    storage.save(job);
    return job.getId();
  }

  private static Optional<Job> find(StorageProvider storage, UUID id) {
    try {
      return Optional.of(storage.getJobById(id));
    } catch (JobNotFoundException e) {
      return Optional.empty();
    }
  }
}
