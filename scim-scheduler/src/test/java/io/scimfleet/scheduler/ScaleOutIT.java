package io.scimfleet.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.FullSyncRun;
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
 * Scale-out (issue 25): two real worker instances (each its own JobRunr server and {@link Worker},
 * default pacing) on one real Redis run a provider's full sync of 600 users against a target
 * answering every request in 100 ms: both run pages of it, an even share each. Before each worker
 * held to its share of the window, the worker that fetched first took all 6 pages of 100 (its job
 * slots allowed 8) and the other idled; now the 600 users are cut into the window's 8 pages of 75
 * ({@code PageCut}), 4 for each worker. A worker at its share leaves the other pages enqueued
 * ({@code PageShares} as the job server's fetch policy): no page is handed back.
 */
class ScaleOutIT {
  private static final int USERS = 600; // 8 pages of 75 over 2 workers (6 of 100 for one)
  private static final int PAGES = 8;

  private final List<String> ranBy = new ArrayList<>();
  private final Queue<String> pagesRun = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pagesHandedBack = new AtomicInteger();
  private final List<JobRunrFleet> workerJobs = new ArrayList<>();
  private final List<Worker> workers = new ArrayList<>();
  private ScimSdkServer target;
  private WireMockServer slowProxy;
  private RedisFixture redis;
  private Stores stores;
  private JobRunrFleet schedulerJobs;
  private ControlPlane scheduler;

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
    slowProxy = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64));
    slowProxy.start();
    URI base = target.baseUrl();
    slowProxy.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .proxiedFrom(base.getScheme() + "://" + base.getAuthority())
                    .withFixedDelay(100)));
    redis = RedisFixture.open(ScaleOutIT.class);
    stores = RedisStores.create(redis.pool(), redis.prefix());
    FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
    schedulerJobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
    scheduler = new ControlPlane(stores, schedulerJobs, metrics, Clock.systemUTC());
    for (int i = 0; i < 2; i++) startWorker("worker-" + i, metrics);
    List<DirectoryUser> users =
        IntStream.range(0, USERS).mapToObj(i -> aUser(String.format("u%04d", i)).build()).toList();
    stores.directory().putUsers(users);
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(slowProxy.baseUrl() + "/scim/v2")
                .withCredential(Credential.inline(target.token()))
                .withDeletionThreshold(100)
                .build());
    scheduler.start(); // after the provider: every user's change is routed to it
  }

  /**
   * A worker as the worker process wires it; its page handler notes each page it ran (not the ones
   * it handed back to the others).
   */
  private void startWorker(String name, FleetMetrics metrics) {
    JobRunrFleet jobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
    HandBackCounts queue = new HandBackCounts(jobs.queue(), pagesHandedBack);
    Worker worker =
        new Worker(
            stores,
            queue,
            metrics,
            Clock.systemUTC(),
            8,
            RateLimiter.local(),
            TestSecurity.settings(),
            Pacing.defaults(16));
    Map<Class<?>, Object> handlers =
        HandBackCounts.notingPagesRun(
            worker.handlers(),
            page -> {
              pagesRun.add(page);
              synchronized (ranBy) {
                ranBy.add(name);
              }
            });
    jobs.startServer(
        handlers,
        new JobServerSettings(16, Duration.ofSeconds(5), Duration.ofSeconds(5), name),
        worker.fetchPolicy());
    workerJobs.add(jobs);
    workers.add(worker);
  }

  @AfterEach
  void stop() {
    scheduler.close();
    workerJobs.forEach(JobRunrFleet::close);
    workers.forEach(Worker::close);
    schedulerJobs.close();
    redis.close();
    slowProxy.stop();
    target.close();
  }

  @Test
  void twoWorkersBothRunPagesOfOneProvidersFullSync() {
    await().atMost(Duration.ofSeconds(30)).until(() -> schedulerJobs.queue().jobServers() == 2);
    // The users' change jobs first, so that each worker's page count is about its share alone
    // (while they run they hold crm's job slots, and a worker whose slots are full leaves pages
    // to the other: FullSlotsIT). Forced, the pages then send every user.
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> target.users().size() == USERS && noJobIn(ENQUEUED) && noJobIn(PROCESSING));

    String runId = scheduler.fullSyncs().startNow("crm", true);
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                stores
                    .syncState()
                    .lastRun("crm")
                    .filter(run -> run.runId().equals(runId))
                    .isPresent());

    FullSyncRun run = stores.syncState().lastRun("crm").orElseThrow();
    assertThat(run.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    assertThat(target.users()).hasSize(USERS);
    assertThat(run.userPages()).as("the window's pages: 4 per worker").isEqualTo(PAGES);
    assertThat(pagesRun)
        .as("each page ran once")
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.rangeClosed(1, PAGES)
                .mapToObj(page -> "user " + page)
                .toList());
    synchronized (ranBy) {
      System.out.println("ScaleOutIT: pages run by " + ranBy);
      assertThat(ranBy)
          .as("both workers ran pages of the provider's full sync")
          .contains("worker-0", "worker-1");
      assertThat(ranBy.stream().filter("worker-0"::equals).count())
          .as("neither worker ran more than its share of the window (4 of 8 pages)")
          .isBetween(3L, 5L);
    }
    assertThat(pagesHandedBack)
        .as("no page handed back: a worker at its share left the page enqueued for the other")
        .hasValue(0);
  }

  private boolean noJobIn(StateName state) {
    return schedulerJobs.storage().countJobs(state) == 0;
  }
}
