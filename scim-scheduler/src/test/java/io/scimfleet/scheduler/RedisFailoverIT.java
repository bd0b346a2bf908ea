package io.scimfleet.scheduler;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.Provider;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisConnections;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * A scheduler and two workers (processes, from their jars) on {@code REDIS_URL=redis-sentinel://…}:
 * a primary, a replica and three sentinels of this test's own ({@link SentinelRedis}). In the
 * middle of a full sync, while a client writes a stream of changes through the API, the primary is
 * killed (SIGKILL); the sentinels promote the replica. Readiness answers 503 while no primary
 * serves and 200 again after; every change the API acknowledged reaches the target, the target ends
 * up with exactly the directory (each user once), and the full sync run succeeds.
 */
class RedisFailoverIT {
  private static final int USERS = 1000;
  private static final int GROUPS = 15;
  private static final int MEMBERS = 20;
  private static final int CHANGES = 150;
  private static final String PREFIX = "failover:";
  private static final String TOKEN = "failover-admin-token-0123456789abcdef";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private SentinelRedis redis;
  private JedisPool pool;
  private Stores stores;
  private ScimSdkServer target;
  private final List<FleetProcess> processes = new ArrayList<>();

  @BeforeEach
  void start() {
    redis = SentinelRedis.start();
    pool = RedisConnections.pool(redis.url(), 8, (String) null);
    stores = RedisStores.create(pool, PREFIX);
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
              IntStream.range(first, first + MEMBERS).mapToObj(RedisFailoverIT::userId).toList());
    }
    processes.add(FleetProcess.scheduler("failover-scheduler", redis.url(), PREFIX, TOKEN));
    processes.add(FleetProcess.worker("failover-worker-0", redis.url(), PREFIX));
    processes.add(FleetProcess.worker("failover-worker-1", redis.url(), PREFIX));
    processes.forEach(FleetProcess::port);
    await().atMost(Duration.ofSeconds(30)).until(() -> stores.changes().lag() == 0);
    stores
        .providers()
        .put(
            Provider.of("target", target.baseUrl(), TestSecurity.inline("target", target.token())));
  }

  @AfterEach
  void stop() {
    processes.forEach(FleetProcess::close);
    target.close();
    pool.close();
    redis.close();
  }

  @Test
  void aPrimaryKilledInTheMiddleOfAFullSyncAndOfChangesFailsOverWithNothingLostAndNoDuplicate()
      throws Exception {
    FleetProcess scheduler = processes.get(0);
    assertThat(send("POST", scheduler.port(), "/api/v1/providers/target/sync", "").statusCode())
        .isEqualTo(202);
    Map<String, Long> pids = pids();
    Collection<String> acknowledged = new ConcurrentLinkedQueue<>();
    CompletableFuture<Void> changes =
        CompletableFuture.runAsync(() -> writeChanges(scheduler.port(), acknowledged));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> target.users().size() >= 200);

    redis.killPrimary();
    long killed = System.nanoTime();
    int usersAtKill = target.users().size();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> scheduler.status("/health/ready") == 503);
    long notReady = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> redis.primaryNamedBySentinels() == redis.replicaPort());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(processes)
                    .allSatisfy(
                        process -> assertThat(process.status("/health/ready")).isEqualTo(200)));
    System.out.printf(
        "RedisFailoverIT: primary killed with %d of %d users on the target; scheduler not ready"
            + " after %d ms, every process ready again after %d ms%n",
        usersAtKill,
        USERS,
        (notReady - killed) / 1_000_000,
        (System.nanoTime() - killed) / 1_000_000);

    changes.orTimeout(120, TimeUnit.SECONDS).join();
    assertThat(acknowledged).hasSize(CHANGES);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .untilAsserted(
            () -> assertThat(differences(targetMembers(), directoryMembers())).isEmpty());
    assertThat(directoryUserNames(acknowledged))
        .as("every change the API acknowledged is in the directory")
        .hasSize(CHANGES);
    assertThat(userNameCounts())
        .hasSize(USERS + CHANGES)
        .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(stores.syncState().lastRun("target"))
                    .hasValueSatisfying(
                        run -> assertThat(run.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED)));
    assertThat(pids()).as("no process was restarted").isEqualTo(pids);
  }

  /**
   * PUTs CHANGES new users, 20 a second, each retried until the API accepts it (503s meanwhile).
   */
  private static void writeChanges(int port, Collection<String> acknowledged) {
    for (int i = 0; i < CHANGES; i++) {
      String id = "c" + i;
      String body = "{\"username\":\"change" + i + "\"}";
      await()
          .atMost(Duration.ofSeconds(60))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> send("PUT", port, "/api/v1/users/" + id, body).statusCode() == 200);
      acknowledged.add(id);
      try {
        // pacing, not waiting: the writes spread over the fail-over instead of landing before it
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static HttpResponse<String> send(String method, int port, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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

  /** Every group's display name and its members' user names, and all user names, on the target. */
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

  /** The same as the directory holds it: the seeded users and groups, and the changes. */
  private Map<String, Set<String>> directoryMembers() {
    Map<String, Set<String>> groups = new TreeMap<>();
    for (int g = 0; g < GROUPS; g++) {
      groups.put("group " + g, userNames(stores.directory().members("g" + g)));
    }
    List<String> all = new ArrayList<>();
    IntStream.range(0, USERS).mapToObj(RedisFailoverIT::userId).forEach(all::add);
    IntStream.range(0, CHANGES).mapToObj(i -> "c" + i).forEach(all::add);
    groups.put("(all users)", userNames(all));
    return groups;
  }

  private Set<String> directoryUserNames(Collection<String> userIds) {
    return userNames(userIds);
  }

  private Set<String> userNames(Collection<String> userIds) {
    return stores.directory().users(List.copyOf(userIds)).stream()
        .map(DirectoryUser::username)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** What the target lacks or has too much, per group (short, for a readable failure). */
  private static List<String> differences(
      Map<String, Set<String>> target, Map<String, Set<String>> directory) {
    List<String> differences = new ArrayList<>();
    directory.forEach(
        (group, members) -> {
          Set<String> missing = new TreeSet<>(members);
          missing.removeAll(target.getOrDefault(group, Set.of()));
          Set<String> extra = new TreeSet<>(target.getOrDefault(group, Set.of()));
          extra.removeAll(members);
          if (!missing.isEmpty() || !extra.isEmpty())
            differences.add(
                group
                    + ": missing "
                    + missing.stream().limit(5).toList()
                    + " ("
                    + missing.size()
                    + "), extra "
                    + extra.stream().limit(5).toList()
                    + " ("
                    + extra.size()
                    + ")");
        });
    return differences;
  }

  private static String userId(int i) {
    return String.format("u%04d", i);
  }
}
