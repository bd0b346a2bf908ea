package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jobrunr.jobs.JobTestBuilder.anEnqueuedJob;

import io.scimfleet.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.Paging;
import org.jobrunr.stubs.BackgroundJobServerStub;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * Each enqueued job is read and started by one server only, through the storage's fetch as JobRunr
 * calls it; a claim of a server that died before its save runs out, and a claim given back or ended
 * by a save frees the job at once.
 */
class EnqueuedJobClaimsTest {
  private static final int PAGE = 5;

  private final String prefix = TestRedis.uniquePrefix("claims");
  private final JedisPool pool = TestRedis.pool();
  private final JsonMapper json = new JacksonJsonMapper();
  private final AtomicInteger reads = new AtomicInteger();
  private final RedisStorageProvider storage = new RedisStorageProvider(pool, prefix);
  private final BackgroundJobServer one;
  private final BackgroundJobServer other;

  EnqueuedJobClaimsTest() {
    storage.setJobMapper(new CountingJobMapper());
    one = new BackgroundJobServerStub(storage, json);
    other = new BackgroundJobServerStub(storage, json);
  }

  @AfterEach
  void removeKeys() {
    TestRedis.deleteKeys(pool, prefix);
    pool.close();
  }

  @Test
  void twoServersFetchingAtOnceEachReadAndStartOnlyTheirOwnJobs() throws Exception {
    List<Job> jobs = enqueued(200);
    reads.set(0);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<List<Job>> ofOne = threads.submit(fetchUntilEmpty(one, start));
      Future<List<Job>> ofOther = threads.submit(fetchUntilEmpty(other, start));
      List<UUID> started = new ArrayList<>(ids(ofOne.get()));
      started.addAll(ids(ofOther.get()));
      assertThat(started).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(jobs));
      assertThat(reads).as("jobs deserialized by both fetches").hasValue(jobs.size());
    } finally {
      threads.shutdownNow();
    }
    assertThat(storage.countJobs(StateName.PROCESSING)).isEqualTo(jobs.size());
  }

  @Test
  void aClaimOfAServerThatDiedBeforeItsSaveRunsOutAndTheJobIsFetchedAgain() {
    Job job = enqueued(1).get(0);
    new EnqueuedJobClaims(storage, prefix, Duration.ofSeconds(2))
        .claim(new BackgroundJobServerStub(storage, json), PAGE);

    assertThat(fetch(other)).isEmpty();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ids(fetch(other)).equals(List.of(job.getId())));
    assertThat(storage.getJobById(job.getId()).getState()).isEqualTo(StateName.PROCESSING);
  }

  @Test
  void aClaimGivenBackFreesTheJobForAnotherServerAtOnce() {
    Job job = enqueued(1).get(0);
    EnqueuedJobClaims claims = storage.claims();
    List<Job> claimed = claims.claim(one, PAGE);
    assertThat(fetch(other)).isEmpty();

    claims.release(one, claimed);

    assertThat(ids(fetch(other))).containsExactly(job.getId());
  }

  @Test
  void aSaveEndsTheClaimSoAJobEnqueuedAgainIsFreeForEveryServer() {
    enqueued(1);
    Job started = fetch(one).get(0);
    started.failed("the target said 503", new IllegalStateException());
    started.enqueue();
    storage.save(started);

    assertThat(ids(fetch(other))).containsExactly(started.getId());
  }

  @Test
  void aServerMayTakeAgainWhatItClaimedItself() {
    Job job = enqueued(1).get(0);
    storage.claims().claim(one, PAGE);

    assertThat(ids(fetch(one))).containsExactly(job.getId());
  }

  private Callable<List<Job>> fetchUntilEmpty(BackgroundJobServer server, CyclicBarrier start) {
    return () -> {
      start.await();
      List<Job> all = new ArrayList<>();
      for (List<Job> page = fetch(server); !page.isEmpty(); page = fetch(server)) all.addAll(page);
      return all;
    };
  }

  private List<Job> fetch(BackgroundJobServer server) {
    return storage.getJobsToProcess(server, Paging.AmountBasedList.ascOnUpdatedAt(PAGE));
  }

  private List<Job> enqueued(int count) {
    return storage.save(IntStream.range(0, count).mapToObj(i -> anEnqueuedJob().build()).toList());
  }

  private static List<UUID> ids(List<Job> jobs) {
    return jobs.stream().map(Job::getId).toList();
  }

  /** Counts the jobs read from their JSON. */
  private final class CountingJobMapper extends JobMapper {
    CountingJobMapper() {
      super(json);
    }

    @Override
    public Job deserializeJob(String serialized) {
      reads.incrementAndGet();
      return super.deserializeJob(serialized);
    }
  }
}
