package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.job.FetchPolicy;
import io.scimfleet.job.FleetJob;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.TestRedis;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * The Redis storage's fetch asks the worker's {@link FetchPolicy}: a worker whose policy leaves a
 * provider's jobs (at its share of them) gets none of them, another worker takes them, and the
 * first still takes everything else.
 */
class FetchPolicyOnRedisTest {
  private static final JobServerSettings EIGHT_THREADS =
      new JobServerSettings(8, Duration.ofSeconds(5), Duration.ofSeconds(5), "policy");

  /** Leaves crm's jobs (also overdue ones: this test is about the fetch, not the fallback). */
  private static final FetchPolicy AT_CRMS_SHARE =
      new FetchPolicy() {
        @Override
        public boolean take(FleetJob job, boolean overdue) {
          return !job.provider().equals("crm");
        }

        @Override
        public void lost(FleetJob job) {}
      };

  /**
   * The same, but saying it takes all: its fetch claims the oldest jobs unread, and the crm jobs
   * among them are given back at once (a share met between the question and the claim).
   */
  private static final FetchPolicy CLAIMS_THEN_LEAVES_CRM =
      new FetchPolicy() {
        @Override
        public boolean take(FleetJob job, boolean overdue) {
          return AT_CRMS_SHARE.take(job, overdue);
        }

        @Override
        public void lost(FleetJob job) {}

        @Override
        public boolean takesAll() {
          return true;
        }
      };

  @Test
  void aWorkerAtItsShareOfAProviderLeavesItsJobsToAnotherWorker() {
    runsCrmOnlyOnTheWorkerWithRoom(AT_CRMS_SHARE);
  }

  @Test
  void jobsAClaimingFetchLeavesAreGivenBackToTheOtherWorker() {
    runsCrmOnlyOnTheWorkerWithRoom(CLAIMS_THEN_LEAVES_CRM);
  }

  private static void runsCrmOnlyOnTheWorkerWithRoom(FetchPolicy atShareOfCrm) {
    String prefix = TestRedis.uniquePrefix("fetch-policy");
    JedisPool pool = TestRedis.pool();
    Map<String, String> ranBy = new ConcurrentHashMap<>();
    CountDownLatch atShareRan = new CountDownLatch(1);
    try (JobRunrFleet atShare = JobRunrFleet.redis(pool, prefix);
        JobRunrFleet withRoom = JobRunrFleet.redis(pool, prefix);
        JobRunrFleet scheduler = JobRunrFleet.redis(pool, prefix)) {
      atShare.startServer(recording("at share", ranBy, atShareRan), EIGHT_THREADS, atShareOfCrm);
      withRoom.startServer(
          recordingAfter(atShareRan, "with room", ranBy), EIGHT_THREADS, FetchPolicy.ANY);
      await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.queue().jobServers() == 2);

      scheduler.queue().enqueueAll(Stream.concat(jobs("crm", 12), jobs("hr", 12)).toList());

      await().atMost(Duration.ofSeconds(30)).until(() -> ranBy.size() == 24);
      assertThat(ranBy)
          .as("crm's jobs, all by the worker with room")
          .containsAllEntriesOf(
              Map.copyOf(
                  IntStream.range(0, 12)
                      .boxed()
                      .collect(
                          java.util.stream.Collectors.toMap(i -> "crm" + i, i -> "with room"))));
      assertThat(ranBy).as("the other jobs go to both").containsValue("at share");
    } finally {
      TestRedis.deleteKeys(pool, prefix);
      pool.close();
    }
  }

  private static Stream<SyncObjectRequest> jobs(String provider, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new SyncObjectRequest(provider, ObjectType.USER, provider + i, null));
  }

  private static Map<Class<?>, Object> recording(
      String server, Map<String, String> ranBy, CountDownLatch ran) {
    return Map.of(
        SyncObjectHandler.class,
        (SyncObjectHandler)
            request -> {
              ranBy.put(request.objectId(), server);
              ran.countDown();
            });
  }

  /**
   * Runs an hr job only once the other server has run one (or after 10 s): without the wait, the
   * server with room could run every job before the other one's fetch, and the test would say
   * nothing about the other jobs going to both.
   */
  private static Map<Class<?>, Object> recordingAfter(
      CountDownLatch otherRan, String server, Map<String, String> ranBy) {
    return Map.of(
        SyncObjectHandler.class,
        (SyncObjectHandler)
            request -> {
              if (request.objectId().startsWith("hr")) otherRan.await(10, TimeUnit.SECONDS);
              ranBy.put(request.objectId(), server);
            });
  }
}
