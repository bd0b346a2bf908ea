package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.testing.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.JobNotFoundException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.ScanParams;

/**
 * A fleet upgraded from JobRunr 7.5.3 finds the keys 7.5.3's Redis storage left (the layout of its
 * {@code JedisRedisStorageProvider}, the jobs serialized by JobRunr 7.5.3 itself: {@code
 * src/test/resources/jobrunr7}) and handles them as docs/jobs.md says: enqueued and processing jobs
 * run, a scheduled one keeps its time, an unreadable one and the recurring jobs and finished jobs
 * are dropped, the old keys are removed, and the fleet's own keys are untouched.
 */
class JobRunr7UpgradeTest {

  @Test
  void jobsLeftByJobRunr7AreTakenOverAndTheRestIsDropped() {
    String prefix = TestRedis.uniquePrefix("upgrade7");
    String old = prefix + "jobrunr:";
    JedisPool pool = TestRedis.pool();
    String enqueued = resource("enqueued-job.json");
    String scheduled = resource("scheduled-job.json");
    UUID enqueuedId = idOf(enqueued);
    UUID scheduledId = idOf(scheduled);
    UUID processingId = UUID.randomUUID();
    UUID unreadableId = UUID.randomUUID();
    List<String> ran = new CopyOnWriteArrayList<>();
    try {
      try (Jedis jedis = pool.getResource()) {
        oldJob(jedis, old, "ENQUEUED", enqueuedId, enqueued);
        oldJob(jedis, old, "SCHEDULED", scheduledId, scheduled);
        jedis.zadd(old + "queue:scheduledjobs", 1.0, scheduledId.toString());
        oldJob(
            jedis,
            old,
            "PROCESSING",
            processingId,
            enqueued
                .replace(enqueuedId.toString(), processingId.toString())
                .replace("\"u7\"", "\"u8\""));
        oldJob(jedis, old, "ENQUEUED", unreadableId, "{\"id\":\"" + unreadableId + "\",");
        oldJob(jedis, old, "SUCCEEDED", UUID.randomUUID(), enqueued);
        jedis.sadd(old + "recurringjobs", "full-sync-slack");
        jedis.set(old + "recurringjob:full-sync-slack", "{}");
        jedis.set(prefix + "sync:state:slack:u7", "the fleet's own");
      }

      try (JobRunrFleet fleet = JobRunrFleet.redis(pool, prefix)) {
        Job laterJob = fleet.storage().getJobById(scheduledId);
        assertThat(laterJob.getState()).isEqualTo(StateName.SCHEDULED);
        assertThat(((ScheduledState) laterJob.getJobState()).getScheduledAt())
            .isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(fleet.storage().getJobById(enqueuedId).getJobName())
            .isEqualTo("sync user u7 → slack");
        assertThat(fleet.storage().countJobs(StateName.ENQUEUED)).isEqualTo(2);
        assertThat(fleet.storage().getRecurringJobs()).isEmpty();
        assertThat(jobExists(fleet, unreadableId)).isFalse();
        try (Jedis jedis = pool.getResource()) {
          assertThat(jedis.scan("0", new ScanParams().match(old + "*").count(10_000)).getResult())
              .isEmpty();
          assertThat(jedis.get(prefix + "sync:state:slack:u7")).isEqualTo("the fleet's own");
        }

        fleet.startServer(
            Map.of(
                SyncObjectHandler.class,
                (SyncObjectHandler) request -> ran.add(request.objectId())),
            new JobServerSettings(2, Duration.ofSeconds(5), Duration.ofSeconds(5), "upgraded"));
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(ran).containsExactlyInAnyOrder("u7", "u8"));
      }
    } finally {
      TestRedis.deleteKeys(pool, prefix);
      pool.close();
    }
  }

  @Test
  void aFleetWithoutJobRunr7KeysStartsAsBefore() {
    String prefix = TestRedis.uniquePrefix("upgrade7-none");
    JedisPool pool = TestRedis.pool();
    try (JobRunrFleet fleet = JobRunrFleet.redis(pool, prefix)) {
      assertThat(fleet.storage().countJobs(StateName.ENQUEUED)).isZero();
      try (Jedis jedis = pool.getResource()) {
        assertThat(jedis.exists(prefix + JobRunrFleet.JOBS_KEYS + "upgraded-from-7")).isFalse();
      }
    } finally {
      TestRedis.deleteKeys(pool, prefix);
      pool.close();
    }
  }

  private static void oldJob(Jedis jedis, String old, String state, UUID id, String json) {
    jedis.set(old + "job:" + id, json);
    jedis.set(old + "job:" + id + ":version", "1");
    jedis.zadd(old + "queue:jobs:" + state, 1.0, id.toString());
  }

  private static boolean jobExists(JobRunrFleet fleet, UUID id) {
    try {
      fleet.storage().getJobById(id);
      return true;
    } catch (JobNotFoundException e) {
      return false;
    }
  }

  private static UUID idOf(String json) {
    int at = json.indexOf("\"id\":\"") + "\"id\":\"".length();
    return UUID.fromString(json.substring(at, at + 36));
  }

  private static String resource(String name) {
    try (InputStream in = JobRunr7UpgradeTest.class.getResourceAsStream("/jobrunr7/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
