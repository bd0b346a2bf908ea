package io.scimfleet.scheduler;

import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestRedis;
import io.scimfleet.testing.TestSecurity;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two worker processes (the real jar); one is killed with SIGKILL in the middle of a full sync of
 * 2,000 users.
 */
class WorkerCrashIT {
  private static final Path WORKER_JAR = Path.of("..", "scim-worker", "target", "scim-worker.jar");

  private RedisFixture redis;
  private Stores stores;
  private JobRunrFleet jobs;
  private ControlPlane scheduler;
  private ScimSdkServer target;
  private final List<Process> workers = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    assertThat(WORKER_JAR).as("the worker jar, built by 'mvn verify' before this test").exists();
    redis = RedisFixture.open(WorkerCrashIT.class);
    stores = RedisStores.create(redis.pool(), redis.prefix());
    jobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
    scheduler =
        new ControlPlane(
            stores, jobs, new FleetMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
    target = ScimSdkServer.start();
    Provider provider =
        Provider.of("target", target.baseUrl(), TestSecurity.inline("target", target.token()));
    stores.providers().put(provider);
    stores
        .directory()
        .putUsers(
            IntStream.range(0, 2000)
                .mapToObj(i -> aUser(String.format("u%04d", i)).build())
                .toList());
    workers.add(startWorker(0));
  }

  @AfterEach
  void stop() {
    workers.forEach(Process::destroyForcibly);
    scheduler.close();
    jobs.close();
    target.close();
    redis.close();
  }

  /**
   * The second worker starts only when the first is killed, so the first surely held pages in
   * flight.
   */
  @Test
  void aWorkerKilledDuringAFullSyncLosesNothingAndCreatesNoUserTwice() throws IOException {
    String runId = scheduler.fullSyncs().startNow("target", false);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> target.users().size() >= 100 && processingOn("crash-worker-0"));

    workers.get(0).destroyForcibly();
    workers.add(startWorker(1));

    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                stores
                    .syncState()
                    .lastRun("target")
                    .filter(run -> run.runId().equals(runId))
                    .isPresent());
    FullSyncRun run = stores.syncState().lastRun("target").orElseThrow();
    assertThat(run.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    Map<String, Long> userNames =
        target.users().stream()
            .collect(
                Collectors.groupingBy(u -> u.path("userName").asText(), Collectors.counting()));
    assertThat(userNames)
        .hasSize(2000)
        .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    assertThat(stores.syncState().count("target", ObjectType.USER)).isEqualTo(2000);
    List<String> expected =
        IntStream.range(0, 2000).mapToObj(i -> String.format("u%04d", i)).toList();
    assertThat(userNames.keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * Issue 27: against a target that takes a second user with the same userName, three kill -9s of
   * the worker during a first full sync (Bulk, as the target announces it) leave every user once.
   */
  @Test
  void repeatedKillsAgainstATargetWithoutUniqueNamesCreateEveryUserOnce() throws IOException {
    target.acceptDuplicateNames();
    String runId = scheduler.fullSyncs().startNow("target", false);
    for (int kill = 1; kill <= 3; kill++) {
      int atLeast = 300 * kill;
      String worker = "crash-worker-" + (kill - 1);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> target.users().size() >= atLeast && processingOn(worker));
      workers.get(kill - 1).destroyForcibly();
      workers.add(startWorker(kill));
    }

    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                stores
                    .syncState()
                    .lastRun("target")
                    .filter(run -> run.runId().equals(runId))
                    .isPresent());
    Map<String, Long> userNames =
        target.users().stream()
            .collect(
                Collectors.groupingBy(u -> u.path("userName").asText(), Collectors.counting()));
    assertThat(userNames)
        .hasSize(2000)
        .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
  }

  private boolean processingOn(String serverName) {
    return jobs
        .storage()
        .getJobList(StateName.PROCESSING, Paging.AmountBasedList.ascOnUpdatedAt(100))
        .stream()
        .map(job -> job.getJobState())
        .filter(ProcessingState.class::isInstance)
        .map(ProcessingState.class::cast)
        .anyMatch(state -> serverName.equals(state.getServerName()));
  }

  private Process startWorker(int index) throws IOException {
    File log =
        Files.createDirectories(Path.of("target", "crash-it"))
            .resolve("worker-" + index + ".log")
            .toFile();
    ProcessBuilder builder =
        new ProcessBuilder(javaBinary(), "-jar", WORKER_JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(log);
    builder.environment().put("REDIS_URL", TestRedis.url());
    builder.environment().put("SCIM_REDIS_PREFIX", redis.prefix());
    builder.environment().put("SCIM_METRICS_PORT", "0");
    builder.environment().put("HOSTNAME", "crash-worker-" + index);
    builder.environment().put("SCIM_WORKER_THREADS", "4");
    builder.environment().put("SCIM_SECRET_KEY", TestSecurity.KEY_BASE64);
    builder.environment().put("SCIM_PAGE_THREADS", "4");
    return builder.start();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
