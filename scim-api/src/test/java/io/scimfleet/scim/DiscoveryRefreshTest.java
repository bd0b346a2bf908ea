package io.scimfleet.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.scim.ScimWireMock.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.scimfleet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Once the target answered discovery, its answer is refreshed in the background: no caller waits
 * for it.
 */
class DiscoveryRefreshTest {
  private static final Duration SLOW = Duration.ofSeconds(3);

  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private ScimClient client;

  @BeforeEach
  void clientWithCachedDiscovery() {
    client =
        ScimWireMock.clientFor(wireMock.getRuntimeInfo())
            .discoveryTtl(Duration.ofMinutes(10))
            .clock(clock)
            .build();
    ScimWireMock.discovery(wireMock, true, 100, false, 0);
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes")).willReturn(aResponse().withStatus(404)));
    assertThat(client.capabilities().etag()).isTrue();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void aSlowRefreshDoesNotBlockCallersThatHaveTheCachedAnswer() throws Exception {
    ScimWireMock.discovery(wireMock, false, 100, false, 0);
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes"))
            .willReturn(aResponse().withStatus(404).withFixedDelay((int) SLOW.toMillis())));
    clock.advance(Duration.ofMinutes(11));

    for (int i = 0; i < 4; i++) {
      Capabilities cached =
          CompletableFuture.supplyAsync(client::capabilities)
              .get(SLOW.toMillis() / 3, TimeUnit.MILLISECONDS);
      assertThat(cached.etag()).isTrue();
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> !client.capabilities().etag());
    wireMock.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/ResourceTypes")));
  }

  @Test
  void aFailedRefreshKeepsTheAnswerItHad() throws Exception {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes")).willReturn(aResponse().withStatus(503)));
    clock.advance(Duration.ofMinutes(11));

    assertThat(client.capabilities().etag()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> wireMock.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/ResourceTypes"))));
    assertThat(client.capabilities().etag()).isTrue();
  }
}
