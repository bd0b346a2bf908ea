package io.scimfleet.worker.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A worker's clients learn the target host's concurrency limit from its answers: WireMock answers
 * 429 and 503 to inject the overload; the limit shows as {@code scim_target_concurrency_limit}.
 */
class AdaptiveConcurrencyTest {
  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Stores stores = Stores.inMemory();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private ProviderContexts contexts;

  @BeforeEach
  void start() {
    contexts =
        new ProviderContexts(
            stores.providers(),
            new FleetMetrics(registry),
            RateLimiter.local(),
            TestSecurity.settings(),
            stores.directory());
    stores.providers().put(aProvider("crm").at(target.baseUrl() + "/scim/v2").build());
    target.stubFor(get(urlPathEqualTo("/scim/v2/Users/ok")).willReturn(user()));
    target.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/busy")).willReturn(aResponse().withStatus(503)));
    target.stubFor(
        get(urlPathEqualTo("/scim/v2/Users/slow-down")).willReturn(aResponse().withStatus(429)));
  }

  @AfterEach
  void stop() {
    contexts.close();
  }

  @Test
  void theHostsLimitDropsOn503And429AndRecoversOnSuccesses() {
    read("ok", 10);
    await().atMost(Duration.ofSeconds(10)).until(() -> limit() > 8);
    double before = limit();

    read("busy", 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> limit() < before);
    double after503 = limit();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              read("slow-down", 1);
              return limit() < after503;
            });
    double low = limit();

    // successes raise it again; on a loaded machine a slow answer may count as overload once, so
    // keep succeeding until the limit has climbed back
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              read("ok", 20);
              return limit() > low + 2;
            });
  }

  private void read(String id, int times) {
    ProviderContext ctx = contexts.get("crm").orElseThrow();
    for (int i = 0; i < times; i++) {
      try {
        ctx.client().get("Users", id);
      } catch (RuntimeException refused) {
        // the 429 and 503 are the point
      }
    }
  }

  private double limit() {
    Gauge gauge = registry.find(FleetMetrics.TARGET_CONCURRENCY_LIMIT).gauge();
    return gauge == null ? 0 : gauge.value();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder user() {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"ok\",\"userName\":\"ok\"}");
  }
}
