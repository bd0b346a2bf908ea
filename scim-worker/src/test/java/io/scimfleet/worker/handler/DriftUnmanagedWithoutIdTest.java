package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.worker.handler.CleanableRuns.cleanable;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.FullSyncPhaseHandler;
import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code deleteUnmanaged}, an unmanaged object the target lists without an {@code id} cannot
 * be removed: it is counted as unmanaged, and is neither tried nor reported as a removal held by
 * the deletion guard.
 */
class DriftUnmanagedWithoutIdTest {
  private static final String BASE = "/scim/v2";

  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private Worker worker;

  @BeforeEach
  void start() {
    worker =
        new Worker(
            stores,
            new NoJobQueue(),
            new FleetMetrics(new SimpleMeterRegistry()),
            clock,
            2,
            TestSecurity.settings());
    target.stubFor(
        get(urlPathEqualTo(BASE + "/ServiceProviderConfig"))
            .willReturn(
                scim(
                    200,
                    "{\"patch\":{\"supported\":true},\"filter\":{\"supported\":true,\"maxResults\":100}}")));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/Users"))
            .willReturn(
                scim(
                    200,
                    "{\"totalResults\":2,\"Resources\":["
                        + "{\"id\":\"X\",\"userName\":\"stranger\"},"
                        + "{\"userName\":\"without-id\"}]}")));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/Groups"))
            .willReturn(scim(200, "{\"totalResults\":0,\"Resources\":[]}")));
    target.stubFor(
        delete(urlPathMatching(BASE + "/Users/.*")).willReturn(aResponse().withStatus(204)));
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl() + BASE)
                .deletingUnmanaged()
                .withDeletionThreshold(100) // no guard: every removal is sent
                .build());
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void anUnmanagedObjectListedWithoutIdIsCountedButNeitherRemovedNorHeld() throws Exception {
    stores.syncState().startRun(cleanable(FullSyncRun.started("r1", "crm", clock.instant())));

    ((FullSyncPhaseHandler) worker.handlers().get(FullSyncPhaseHandler.class))
        .run(new FullSyncPhaseRequest("crm", "r1", FullSyncRun.Phase.CLEANUP, false));

    FullSyncRun run = stores.syncState().lastRun("crm").orElseThrow();
    assertThat(target.findAll(deleteRequestedFor(urlPathMatching(BASE + "/Users/.*"))))
        .singleElement()
        .satisfies(request -> assertThat(request.getUrl()).endsWith("/Users/X"));
    assertThat(run.counts().unmanaged()).isEqualTo(2);
    assertThat(run.counts().deleted()).isEqualTo(1);
    assertThat(run.counts().skipped()).isZero();
    assertThat(run.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    assertThat(String.valueOf(run.message())).doesNotContain("held");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder scim(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(body);
  }
}
