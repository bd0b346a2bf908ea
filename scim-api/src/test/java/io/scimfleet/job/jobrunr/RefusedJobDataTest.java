package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.Paging;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Jobs planted in Redis whose JSON names a class outside the fleet's job types: none of them is
 * loaded or run, nothing of them is instantiated ({@link PlantedGadget} counts), each is set aside
 * under {@code refused:<id>}, logged and counted ({@code scim_jobs_refused}); a real job beside
 * them runs.
 */
class RefusedJobDataTest {

  @Test
  void plantedJobsNamingOtherClassesAreRefusedAndNothingOfThemIsMade() {
    String prefix = TestRedis.uniquePrefix("refused");
    JedisPool pool = TestRedis.pool();
    List<String> ran = new CopyOnWriteArrayList<>();
    try (JobRunrFleet fleet = JobRunrFleet.redis(pool, prefix)) {
      String keys = prefix + JobRunrFleet.JOBS_KEYS;
      UUID asRequest = plant(fleet, pool, keys, "p1", "io.scimfleet.job.SyncObjectRequest");
      UUID asHandler = plant(fleet, pool, keys, "p2", "io.scimfleet.job.jobrunr.FleetJobRunner");
      UUID asParameter = plant(fleet, pool, keys, "p3", "io.scimfleet.job.jobrunr.FleetJobRequest");
      SimpleMeterRegistry registry = new SimpleMeterRegistry();

      fleet.startServer(
          Map.of(
              SyncObjectHandler.class, (SyncObjectHandler) request -> ran.add(request.objectId())),
          new JobServerSettings(4, Duration.ofSeconds(5), Duration.ofSeconds(5), "refusing"));
      fleet.bindMetrics(registry);
      fleet.queue().enqueue(new SyncObjectRequest("slack", ObjectType.USER, "real", null));

      await().atMost(Duration.ofSeconds(30)).until(() -> ran.contains("real"));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(registry.get("scim.jobs.refused").gauge().value()).isEqualTo(3.0));
      assertThat(ran).containsExactly("real");
      assertThat(PlantedGadget.made).hasValue(0);
      try (Jedis jedis = pool.getResource()) {
        for (UUID planted : List.of(asRequest, asHandler, asParameter)) {
          assertThat(jedis.exists(keys + "refused:" + planted)).as("set aside").isTrue();
          assertThat(jedis.exists(keys + "job:" + planted)).as("out of the queue").isFalse();
        }
      }
      assertThat(
              fleet
                  .storage()
                  .getJobList(StateName.ENQUEUED, Paging.AmountBasedList.ascOnUpdatedAt(100)))
          .extracting(Job::getId)
          .doesNotContain(asRequest, asHandler, asParameter);
    } finally {
      TestRedis.deleteKeys(pool, prefix);
      pool.close();
    }
  }

  /**
   * Enqueues a real job (no server runs yet) and rewrites its stored JSON so that the given class
   * name becomes {@link PlantedGadget}.
   */
  private static UUID plant(
      JobRunrFleet fleet, JedisPool pool, String keys, String objectId, String replaced) {
    fleet.queue().enqueue(new SyncObjectRequest("slack", ObjectType.USER, objectId, null));
    Job job =
        fleet
            .storage()
            .getJobList(StateName.ENQUEUED, Paging.AmountBasedList.ascOnUpdatedAt(100))
            .stream()
            .filter(enqueued -> enqueued.getJobName().contains(objectId))
            .findFirst()
            .orElseThrow();
    try (Jedis jedis = pool.getResource()) {
      String key = keys + "job:" + job.getId();
      String json = jedis.hget(key, "j");
      assertThat(json).contains("\"" + replaced + "\"");
      jedis.hset(
          key,
          "j",
          json.replace("\"" + replaced + "\"", "\"" + PlantedGadget.class.getName() + "\""));
    }
    return job.getId();
  }
}
