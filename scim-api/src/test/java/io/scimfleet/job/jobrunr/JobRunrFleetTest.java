package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.job.PermanentJobFailure;
import io.scimfleet.job.RetryLater;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.Paging;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * JobRunr on the real Redis, through our seam: names, handlers, no retry when permanent,
 * Retry-After.
 */
class JobRunrFleetTest {
  private static final String PREFIX = TestRedis.uniquePrefix("jobrunr");
  private static JedisPool pool;
  private static JobRunrFleet fleet;
  private static final List<String> ran = new CopyOnWriteArrayList<>();
  private static final AtomicInteger attempts = new AtomicInteger();

  @BeforeAll
  static void start() {
    pool = TestRedis.pool();
    fleet = JobRunrFleet.redis(pool, PREFIX);
    SyncObjectHandler handler =
        request -> {
          switch (request.objectId()) {
            case "bad" ->
                throw new PermanentJobFailure(
                    "POST /Users -> 400 invalidValue: userName is empty", null);
            case "busy" -> {
              attempts.incrementAndGet();
              throw new RetryLater("429 Too Many Requests", Duration.ofMinutes(2), null);
            }
            default -> ran.add(request.objectId());
          }
        };
    fleet.startServer(
        Map.of(SyncObjectHandler.class, handler),
        new JobServerSettings(4, Duration.ofSeconds(5), Duration.ofSeconds(5), "test"));
  }

  @AfterAll
  static void stop() {
    fleet.close();
    TestRedis.deleteKeys(pool, PREFIX);
    pool.close();
  }

  @Test
  void enqueuedRequestRunsOnItsHandlerUnderItsReadableName() {
    fleet.queue().enqueue(new SyncObjectRequest("slack", ObjectType.USER, "u42", null));

    await().atMost(Duration.ofSeconds(30)).until(() -> ran.contains("u42"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(jobsIn(StateName.SUCCEEDED))
                    .extracting(Job::getJobName)
                    .contains("sync user u42 → slack"));
  }

  @Test
  void permanentFailureFailsAtOnceWithTheReadableMessage() {
    fleet.queue().enqueue(new SyncObjectRequest("slack", ObjectType.USER, "bad", null));

    await().atMost(Duration.ofSeconds(30)).until(() -> !jobsIn(StateName.FAILED).isEmpty());
    Job failed = jobsIn(StateName.FAILED).get(0);
    assertThat(failed.getJobName()).isEqualTo("sync user bad → slack");
    assertThat(failed.getJobStates()).noneMatch(state -> state instanceof ScheduledState);
    assertThat(failed.getJobState().toString()).isNotNull();
    assertThat(((org.jobrunr.jobs.states.FailedState) failed.getJobState()).getExceptionMessage())
        .isEqualTo("POST /Users -> 400 invalidValue: userName is empty");
  }

  @Test
  void transientFailureIsRetriedNoSoonerThanRetryAfter() {
    Instant before = Instant.now();
    fleet.queue().enqueue(new SyncObjectRequest("slack", ObjectType.USER, "busy", null));

    await().atMost(Duration.ofSeconds(30)).until(() -> !jobsIn(StateName.SCHEDULED).isEmpty());
    ScheduledState retry = (ScheduledState) jobsIn(StateName.SCHEDULED).get(0).getJobState();
    assertThat(retry.getScheduledAt()).isAfter(before.plusSeconds(119));
    assertThat(attempts.get()).isEqualTo(1);
  }

  private static List<Job> jobsIn(StateName state) {
    return fleet.storage().getJobList(state, Paging.AmountBasedList.ascOnUpdatedAt(100));
  }
}
