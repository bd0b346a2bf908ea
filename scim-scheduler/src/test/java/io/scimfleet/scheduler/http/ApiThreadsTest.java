package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API runs on its own small Jetty pool with one reserved thread, and answers on it. */
class ApiThreadsTest {
  private final ApiFixture fixture = ApiFixture.inMemory();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void theApiRunsOnFewIdleThreadsAndOneReservedThread() throws Exception {
    assertThat(fixture.server.threadPool())
        .isInstanceOfSatisfying(
            QueuedThreadPool.class,
            pool -> {
              assertThat(pool.getMinThreads()).isEqualTo(ApiThreads.MIN);
              assertThat(pool.getMaxThreads()).isEqualTo(ApiThreads.MAX);
              assertThat(pool.getReservedThreads()).isEqualTo(ApiThreads.RESERVED);
            });
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + fixture.server.port() + "/health/live"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
  }
}
