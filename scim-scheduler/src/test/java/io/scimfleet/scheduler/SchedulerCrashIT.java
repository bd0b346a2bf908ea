package io.scimfleet.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.model.Provider;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisChangeFeed;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestRedis;
import io.scimfleet.testing.TestSecurity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The scheduler process is killed with SIGKILL right after a burst of 200 directory writes through
 * its API, while changes wait in the stream (some read by it, never acknowledged); a new scheduler
 * must route every one of them.
 */
class SchedulerCrashIT {
  private static final int WRITES = 200;
  private static final String TOKEN = "crash-admin-token-0123456789abcdef";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private RedisFixture redis;
  private Stores stores;
  private ScimSdkServer target;
  private final List<FleetProcess> processes = new ArrayList<>();

  @BeforeEach
  void start() {
    redis = RedisFixture.open(SchedulerCrashIT.class);
    stores = RedisStores.create(redis.pool(), redis.prefix());
    target = ScimSdkServer.start();
    stores
        .providers()
        .put(
            Provider.of("target", target.baseUrl(), TestSecurity.inline("target", target.token())));
    processes.add(FleetProcess.worker("crash-scheduler-worker", TestRedis.url(), redis.prefix()));
  }

  @AfterEach
  void stop() {
    processes.forEach(FleetProcess::close);
    target.close();
    redis.close();
  }

  @Test
  void everyChangeOfABurstArrivesAlthoughTheSchedulerWasKilledRightAfterIt() {
    FleetProcess first =
        FleetProcess.scheduler("crash-scheduler-1", TestRedis.url(), redis.prefix(), TOKEN);
    processes.add(first);
    processes.forEach(FleetProcess::port);

    List<CompletableFuture<HttpResponse<String>>> writes =
        IntStream.range(0, WRITES)
            .mapToObj(i -> putUser(first.port(), "c" + i, "crash" + i))
            .toList();
    assertThat(writes.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
        .containsOnly(200);
    first.kill();
    System.out.printf(
        "SchedulerCrashIT: killed with %d changes not yet read and %d read but not acknowledged, "
            + "%d users on the target%n",
        stores.changes().lag(), unacknowledged(), target.users().size());

    processes.add(
        FleetProcess.scheduler("crash-scheduler-2", TestRedis.url(), redis.prefix(), TOKEN));

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> userNameCounts().size() == WRITES);
    assertThat(userNameCounts())
        .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    assertThat(userNameCounts().keySet())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, WRITES).mapToObj(i -> "crash" + i).toList());
  }

  private long unacknowledged() {
    try (Jedis jedis = redis.pool().getResource()) {
      return jedis.xpending(redis.keys().changes(), RedisChangeFeed.DEFAULT_GROUP).getTotal();
    }
  }

  private Map<String, Long> userNameCounts() {
    return target.users().stream()
        .collect(Collectors.groupingBy(u -> u.path("userName").asText(), Collectors.counting()));
  }

  private static CompletableFuture<HttpResponse<String>> putUser(
      int port, String id, String username) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users/" + id))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\"}"))
            .build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
