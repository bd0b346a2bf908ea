package io.scimfleet.scheduler;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.sync.FullSyncScheduling;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisConnections;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.PrivateRedis;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * A scheduler and two workers (processes, from their jars) on a Redis of this test's own (AOF). In
 * the middle of a full sync Redis stops for longer than JobRunr's job servers tolerate, then starts
 * again on the same port with its data: the fleet must finish the work by itself.
 */
class RedisOutageIT {
  private static final int USERS = 1000;
  private static final int GROUPS = 15;
  private static final int MEMBERS = 20;
  private static final Duration OUTAGE = Duration.ofSeconds(15);
  private static final String PREFIX = "outage:";

  private PrivateRedis redis;
  private JedisPool pool;
  private Stores stores;
  private JobRunrFleet jobs;
  private ScimSdkServer target;
  private final List<FleetProcess> processes = new ArrayList<>();

  @BeforeEach
  void start() {
    redis = PrivateRedis.start("outage");
    pool = RedisConnections.pool(redis.url(), 8);
    stores = RedisStores.create(pool, PREFIX);
    jobs = JobRunrFleet.redis(pool, PREFIX);
    target = ScimSdkServer.start();
    stores
        .directory()
        .putUsers(
            IntStream.range(0, USERS)
                .mapToObj(i -> aUser(userId(i)).withUsername("user" + i).build())
                .toList());
    for (int g = 0; g < GROUPS; g++) {
      int first = g * MEMBERS;
      stores
          .directory()
          .putGroup(
              aGroup("g" + g).named("group " + g).build(),
              IntStream.range(first, first + MEMBERS).mapToObj(RedisOutageIT::userId).toList());
    }
    processes.add(
        FleetProcess.scheduler(
            "outage-scheduler", redis.url(), PREFIX, "outage-admin-token-0123456789abcdef"));
    processes.add(FleetProcess.worker("outage-worker-0", redis.url(), PREFIX));
    processes.add(FleetProcess.worker("outage-worker-1", redis.url(), PREFIX));
    processes.forEach(
        FleetProcess::port); // started side by side; each is ready once it logs its port
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stores.changes().lag() == 0); // no provider yet: no jobs
  }

  @AfterEach
  void stop() {
    processes.forEach(FleetProcess::close);
    target.close();
    jobs.close();
    pool.close();
    redis.close();
  }

  @Test
  void aRedisOutageInTheMiddleOfAFullSyncHealsByItselfWithoutDuplicates() {
    stores
        .providers()
        .put(
            Provider.of("target", target.baseUrl(), TestSecurity.inline("target", target.token())));
    String runId =
        new FullSyncScheduling(stores, jobs.queue(), new FleetMetrics(new SimpleMeterRegistry()))
            .startNow("target", false);
    Map<String, Long> pids = pids();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> target.users().size() >= 200);

    redis.stop();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(processes)
                    .allSatisfy(
                        process -> assertThat(process.status("/health/ready")).isEqualTo(503)));
    await()
        .during(OUTAGE.minusSeconds(5))
        .atMost(OUTAGE)
        .until(() -> processes.stream().allMatch(FleetProcess::isAlive));
    assertThat(processes)
        .allSatisfy(process -> assertThat(process.status("/health/live")).isEqualTo(200));
    int usersBeforeRestart = target.users().size();

    redis.startAgain();
    long restarted = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> target.users().size() > usersBeforeRestart);
    System.out.printf(
        "RedisOutageIT: first new object on the target %d ms after Redis answered again"
            + " (%d of %d users were there)%n",
        (System.nanoTime() - restarted) / 1_000_000, usersBeforeRestart, USERS);

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions() // our pool's idle connections died with Redis
        .untilAsserted(
            () -> assertThat(differences(targetMembers(), directoryMembers())).isEmpty());
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () -> // pages that ran twice count once
            assertThat(stores.syncState().lastRun("target"))
                    .hasValueSatisfying(
                        run -> {
                          assertThat(run.runId()).isEqualTo(runId);
                          assertThat(run.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
                        }));
    assertThat(userNameCounts())
        .hasSize(USERS)
        .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    assertThat(pids()).as("no process was restarted").isEqualTo(pids);
    assertThat(processes)
        .allSatisfy(
            process -> {
              assertThat(process.isAlive()).isTrue();
              assertThat(process.status("/health/ready")).isEqualTo(200);
            });
    assertThat(processes.get(0).logText())
        .as("the change feed logs one line per outage")
        .containsOnlyOnce("change feed: Redis failed")
        .contains("change feed: works again");
    assertThat(processes.subList(1, 3))
        .as("JobRunr gave up, the supervisor started the job server again")
        .allSatisfy(
            worker ->
                assertThat(worker.logText())
                    .contains("An unrecoverable error occurred", "job server runs again"));
  }

  private Map<String, Long> pids() {
    Map<String, Long> pids = new TreeMap<>();
    processes.forEach(process -> pids.put(process.log().getFileName().toString(), process.pid()));
    return pids;
  }

  private Map<String, Long> userNameCounts() {
    return target.users().stream()
        .collect(Collectors.groupingBy(u -> u.path("userName").asText(), Collectors.counting()));
  }

  /** Every group's display name and its members' user names, as the target holds them. */
  private Map<String, Set<String>> targetMembers() {
    Map<String, String> userNames =
        target.users().stream()
            .collect(
                Collectors.toMap(
                    u -> u.path("id").asText(), u -> u.path("userName").asText(), (a, b) -> a));
    Map<String, Set<String>> groups = new TreeMap<>();
    for (JsonNode group : target.groups()) {
      groups.put(
          group.path("displayName").asText(),
          StreamSupport.stream(group.path("members").spliterator(), false)
              .map(member -> userNames.getOrDefault(member.path("value").asText(), "?"))
              .collect(Collectors.toCollection(TreeSet::new)));
    }
    groups.put("(all users)", new TreeSet<>(userNames.values()));
    return groups;
  }

  /**
   * Every group's display name and its members' user names, and all user names, as the directory
   * holds them.
   */
  private Map<String, Set<String>> directoryMembers() {
    Map<String, Set<String>> groups = new TreeMap<>();
    for (int g = 0; g < GROUPS; g++) {
      groups.put("group " + g, userNames(stores.directory().members("g" + g)));
    }
    groups.put(
        "(all users)",
        userNames(IntStream.range(0, USERS).mapToObj(RedisOutageIT::userId).toList()));
    return groups;
  }

  private Set<String> userNames(java.util.Collection<String> userIds) {
    return stores.directory().users(List.copyOf(userIds)).stream()
        .map(io.scimfleet.model.DirectoryUser::username)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** What the target lacks or has too much, per group (short, for a readable failure). */
  private static List<String> differences(
      Map<String, Set<String>> target, Map<String, Set<String>> directory) {
    List<String> differences = new ArrayList<>();
    directory.forEach(
        (group, members) -> {
          Set<String> held = target.getOrDefault(group, Set.of());
          Set<String> missing = new TreeSet<>(members);
          missing.removeAll(held);
          Set<String> extra = new TreeSet<>(held);
          extra.removeAll(members);
          if (!missing.isEmpty() || !extra.isEmpty()) {
            differences.add(
                group
                    + ": "
                    + missing.size()
                    + " missing "
                    + missing.stream().limit(5).toList()
                    + ", "
                    + extra.size()
                    + " extra "
                    + extra.stream().limit(5).toList());
          }
        });
    return differences;
  }

  private static String userId(int i) {
    return String.format("u%04d", i);
  }
}
