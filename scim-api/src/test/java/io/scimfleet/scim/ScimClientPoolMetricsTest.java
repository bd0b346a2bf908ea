package io.scimfleet.scim;

import static io.scimfleet.testing.ScimResources.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.testing.ScimSdkServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client's connection pool shows in the registry while the client is open (Micrometer's
 * HttpClient 5 binder).
 */
class ScimClientPoolMetricsTest {
  private static final String CONNECTIONS = "httpcomponents.httpclient.pool.total.connections";
  private static ScimSdkServer server;
  private final MeterRegistry registry = new SimpleMeterRegistry();

  @BeforeAll
  static void start() {
    server = ScimSdkServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anOpenClientPublishesItsPoolAndAClosedOneNoLonger() {
    try (ScimClient client = client()) {
      client.create("Users", aUser("pooled"));

      assertThat(gauge("total.max")).isEqualTo(3);
      assertThat(
              registry
                  .get(CONNECTIONS)
                  .tag("state", "available")
                  .tag("provider", "slack")
                  .gauge()
                  .value())
          .isEqualTo(1);
      assertThat(registry.get(CONNECTIONS).tag("state", "leased").gauge().value()).isZero();
      assertThat(gauge("total.pending")).isZero();
    }
    assertThat(Search.in(registry).tag("httpclient", "slack").meters()).isEmpty();
  }

  @Test
  void aClientRebuiltWithNewSettingsKeepsItsPoolSeriesWhenTheOldOneCloses() {
    ScimClient old = client();
    try (ScimClient rebuilt =
        ScimClient.builder(server.baseUrl())
            .bearerToken(server.token())
            .maxConnections(5)
            .poolMetrics(registry, "slack", "provider", "slack")
            .build()) {
      old.close();

      assertThat(gauge("total.max")).isEqualTo(5);
    }
  }

  private ScimClient client() {
    return ScimClient.builder(server.baseUrl())
        .bearerToken(server.token())
        .maxConnections(3)
        .poolMetrics(registry, "slack", "provider", "slack")
        .build();
  }

  private double gauge(String suffix) {
    return registry
        .get("httpcomponents.httpclient.pool." + suffix)
        .tag("httpclient", "slack")
        .gauge()
        .value();
  }
}
