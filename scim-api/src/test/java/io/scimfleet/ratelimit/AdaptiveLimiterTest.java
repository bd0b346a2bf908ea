package io.scimfleet.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.scim.RequestGate;
import io.scimfleet.scim.RequestListener;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {
  private static final String HOST = "crm.example";
  private final AdaptiveLimiter limiter =
      new AdaptiveLimiter(new LocalAdaptiveLimits(), Clock.systemUTC(), host -> {});
  private final RequestListener listener = limiter.listener();

  @AfterEach
  void close() {
    limiter.close();
  }

  @Test
  void theLimitDropsOn429And503AndRecoversOnSuccesses() {
    answer(200, 20);
    limiter.reconcile();
    double before = limiter.limit(HOST);

    answer(429, 1);
    limiter.reconcile();
    double after429 = limiter.limit(HOST);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              answer(503, 1);
              limiter.reconcile();
              return limiter.limit(HOST) < after429;
            });
    double low = limiter.limit(HOST);
    answer(200, 200);
    limiter.reconcile();

    assertThat(after429).isLessThan(before);
    assertThat(limiter.limit(HOST)).isGreaterThan(low).isGreaterThan(before);
  }

  @Test
  void noAnswerAndAVerySlowOneAreOverloadsToo() {
    answer(200, 5, Duration.ofMillis(20));
    answer(-1, 1, Duration.ofSeconds(30));
    limiter.reconcile();
    double afterTimeout = limiter.limit(HOST);

    assertThat(afterTimeout).isLessThan(AdaptiveLimits.INITIAL);
  }

  @Test
  void aRequestWaitsForRoomWithinTheProvidersCeiling() {
    RequestGate gate = limiter.gate(HOST, 1);
    gate.beforeRequest("GET", "Users");
    AtomicInteger passed = new AtomicInteger();
    CompletableFuture<Void> second =
        CompletableFuture.runAsync(
            () -> {
              gate.beforeRequest("GET", "Users");
              passed.incrementAndGet();
              listener.onRequest("GET", "Users", 200, Duration.ofMillis(5));
            });

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(10))
        .until(() -> passed.get() == 0);
    listener.onRequest("GET", "Users", 200, Duration.ofMillis(5));

    await().atMost(Duration.ofSeconds(30)).until(second::isDone);
    assertThat(passed).hasValue(1);
  }

  @Test
  void theHostIsTheBaseUrlsHostAndPort() {
    assertThat(AdaptiveLimiter.hostOf(URI.create("https://API.Slack.com/scim/v2")))
        .isEqualTo("api.slack.com");
    assertThat(AdaptiveLimiter.hostOf(URI.create("http://127.0.0.1:8089/scim")))
        .isEqualTo("127.0.0.1:8089");
  }

  private void answer(int status, int times) {
    answer(status, times, Duration.ofMillis(20));
  }

  private void answer(int status, int times, Duration took) {
    RequestGate gate = limiter.gate(HOST, 1000);
    for (int i = 0; i < times; i++) {
      gate.beforeRequest("GET", "Users");
      listener.onRequest("GET", "Users", status, took);
    }
  }
}
