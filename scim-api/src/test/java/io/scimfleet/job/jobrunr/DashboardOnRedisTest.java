package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.config.DashboardLogin;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.TestRedis;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.Paging;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/**
 * JobRunr's dashboard API over real HTTP on the fleet's Redis storage: the job lists, a job's page,
 * the recurring jobs, the servers, the stats and the problems all answer from {@link
 * RedisStorageProvider}.
 */
class DashboardOnRedisTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theDashboardReadsJobsRecurringJobsAndServersFromRedis() throws Exception {
    String prefix = TestRedis.uniquePrefix("dashboard");
    JedisPool pool = TestRedis.pool();
    int port = freePort();
    try (JobRunrFleet fleet = JobRunrFleet.redis(pool, prefix)) {
      fleet.queue().enqueue(new SyncObjectRequest("slack", ObjectType.USER, "u1", null));
      fleet.queue().scheduleFullSync("slack", "0 3 * * *");
      UUID id =
          fleet
              .storage()
              .getJobList(StateName.ENQUEUED, Paging.AmountBasedList.ascOnUpdatedAt(10))
              .get(0)
              .getId();
      fleet.startDashboard(
          port, new DashboardLogin("ops", "s3cret-pass", InetAddress.getLoopbackAddress()));

      assertThat(get(port, "/api/jobs?state=ENQUEUED&offset=0&limit=20&order=updatedAt:ASC"))
          .contains("sync user u1 → slack");
      assertThat(get(port, "/api/jobs/" + id)).contains("sync user u1 → slack");
      assertThat(get(port, "/api/recurring-jobs?offset=0&limit=20")).contains("full-sync-slack");
      assertThat(get(port, "/api/servers")).startsWith("[");
      assertThat(get(port, "/api/problems")).startsWith("[");
      assertThat(get(port, "/dashboard/overview")).contains("<html");
    } finally {
      TestRedis.deleteKeys(pool, prefix);
      pool.close();
    }
  }

  private String get(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("ops:s3cret-pass".getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
