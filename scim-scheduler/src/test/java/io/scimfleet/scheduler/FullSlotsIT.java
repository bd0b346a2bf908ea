package io.scimfleet.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jobrunr.jobs.states.StateName.ENQUEUED;
import static org.jobrunr.jobs.states.StateName.PROCESSING;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real workers (each its own JobRunr server and {@link Worker}) on one real Redis, a SCIM-SDK
 * target behind a proxy: while one worker's job slots of a provider ({@code
 * SCIM_JOBS_PER_PROVIDER}, 2 here) are all held by that provider's change jobs (deletes the target
 * answers after {@link #HELD_FOR}), a full sync's pages all run on the other worker and none is
 * handed back. Before the fetch weighed the slots, the full worker fetched its share of the pages
 * and each found the slots full and handed itself back (a second lost for its phase).
 */
class FullSlotsIT {
  private static final int USERS = 20; // 2 pages of 10 for the window of 2 workers × 2 slots / 2
  private static final int SLOTS = 2;
  private static final Duration HELD_FOR = Duration.ofSeconds(25);

  private final Map<String, String> pageRanOn = new HashMap<>();
  private final Queue<String> pagesRun = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pagesHandedBack = new AtomicInteger();
  private final List<JobRunrFleet> workerJobs = new ArrayList<>();
  private final List<Worker> workers = new ArrayList<>();
  private final FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
  private ScimSdkServer target;
  private WireMockServer proxy;
  private RedisFixture redis;
  private Stores stores;
  private JobRunrFleet schedulerJobs;
  private ControlPlane scheduler;

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
    proxy = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
    proxy.start();
    URI base = target.baseUrl();
    proxy.stubFor(
        any(anyUrl())
            .atPriority(5)
            .willReturn(aResponse().proxiedFrom(base.getScheme() + "://" + base.getAuthority())));
    proxy.stubFor(
        any(urlPathMatching(".*/Users/ghost-.*"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(204).withFixedDelay((int) HELD_FOR.toMillis())));
    redis = RedisFixture.open(FullSlotsIT.class);
    stores = RedisStores.create(redis.pool(), redis.prefix());
    schedulerJobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
    scheduler = new ControlPlane(stores, schedulerJobs, metrics, Clock.systemUTC());
    stores
        .directory()
        .putUsers(
            IntStream.range(0, USERS)
                .mapToObj(i -> aUser(String.format("u%02d", i)).build())
                .toList());
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(proxy.baseUrl() + "/scim/v2")
                .withCredential(Credential.inline(target.token()))
                .withDeletionThreshold(100)
                .build());
    scheduler.start(); // after the provider: every user's change is routed to it
  }

  @AfterEach
  void stop() {
    proxy.stop(); // ends the held deletes
    scheduler.close();
    workerJobs.forEach(JobRunrFleet::close);
    workers.forEach(Worker::close);
    schedulerJobs.close();
    redis.close();
    target.close();
  }

  @Test
  void aWorkerWhoseProviderSlotsAreHeldByChangesLeavesThePagesToAWorkerWithRoom() {
    startWorker("full");
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> target.users().size() == USERS && noJobIn(ENQUEUED) && noJobIn(PROCESSING));
    schedulerJobs
        .queue()
        .enqueueAll(
            IntStream.rangeClosed(1, SLOTS)
                .mapToObj(i -> new SyncObjectRequest("crm", ObjectType.USER, "x" + i, "ghost-" + i))
                .toList());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ghostDeletesSent() == SLOTS && jobsIn(PROCESSING) == SLOTS);
    startWorker("with room");
    await().atMost(Duration.ofSeconds(30)).until(() -> schedulerJobs.queue().jobServers() == 2);

    String runId = scheduler.fullSyncs().startNow("crm", true);
    await()
        .atMost(HELD_FOR)
        .until(
            () ->
                stores
                    .syncState()
                    .lastRun("crm")
                    .filter(run -> run.runId().equals(runId))
                    .isPresent());

    await() // the sync's last job ends a moment after the run is recorded; the deletes run on
        .alias("the deletes still hold the full worker's slots after the sync")
        .atMost(Duration.ofSeconds(10))
        .until(() -> jobsIn(PROCESSING) == SLOTS);
    FullSyncRun run = stores.syncState().lastRun("crm").orElseThrow();
    assertThat(run.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    assertThat(run.userPages()).isEqualTo(2);
    assertThat(pagesRun).containsExactlyInAnyOrder("user 1", "user 2");
    synchronized (pageRanOn) {
      assertThat(pageRanOn).as("every page on the worker with room").containsOnlyKeys("with room");
    }
    assertThat(pagesHandedBack)
        .as("no page handed back: the full worker left them enqueued")
        .hasValue(0);
  }

  /** A worker as the worker process wires it, with 2 job slots per provider. */
  private void startWorker(String name) {
    JobRunrFleet jobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
    Pacing defaults = Pacing.defaults(16);
    Worker worker =
        new Worker(
            stores,
            new HandBackCounts(jobs.queue(), pagesHandedBack),
            metrics,
            Clock.systemUTC(),
            8,
            RateLimiter.local(),
            TestSecurity.settings(),
            new Pacing(
                SLOTS, defaults.longestWaitInJob(), defaults.attemptsInJob(), defaults.retryFor()));
    Map<Class<?>, Object> handlers =
        HandBackCounts.notingPagesRun(
            worker.handlers(),
            page -> {
              pagesRun.add(page);
              synchronized (pageRanOn) {
                pageRanOn.put(name, page);
              }
            });
    jobs.startServer(
        handlers,
        new JobServerSettings(16, Duration.ofSeconds(5), Duration.ofSeconds(5), name),
        worker.fetchPolicy());
    workerJobs.add(jobs);
    workers.add(worker);
  }

  private int ghostDeletesSent() {
    return proxy.findAll(anyRequestedFor(urlPathMatching(".*/Users/ghost-.*"))).size();
  }

  private boolean noJobIn(StateName state) {
    return jobsIn(state) == 0;
  }

  private long jobsIn(StateName state) {
    return schedulerJobs.storage().countJobs(state);
  }
}
