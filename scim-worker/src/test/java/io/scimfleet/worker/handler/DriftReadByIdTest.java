package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.SyncStateBuilder.aSyncState;
import static io.scimfleet.worker.handler.CleanableRuns.cleanable;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.FullSyncPhaseHandler;
import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
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
 * A target that refuses to list its users (as some do for {@code GET /Users} without a filter) is
 * read by id: one GET per managed object, and no object counted as unmanaged.
 */
class DriftReadByIdTest {
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
                    400,
                    "{\"status\":\"400\",\"scimType\":\"invalidFilter\",\"detail\":\"a filter is required\"}")));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/Groups"))
            .willReturn(scim(200, "{\"totalResults\":0,\"Resources\":[]}")));
    target.stubFor(
        get(urlPathMatching(BASE + "/Users/R-.*"))
            .willReturn(scim(200, "{\"id\":\"R\",\"userName\":\"x\"}")));
    stores
        .providers()
        .put(aProvider("crm").at(target.baseUrl() + BASE).withDeletionThreshold(0).build());
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void aThousandManagedUsersCostOneRefusedListingAndAThousandReads() throws Exception {
    for (int i = 1; i <= 1000; i++) {
      stores
          .syncState()
          .put(aSyncState("crm", ObjectType.USER, "u" + i).createdAs("R-" + i).build());
    }
    stores.syncState().startRun(cleanable(FullSyncRun.started("r1", "crm", clock.instant())));

    ((FullSyncPhaseHandler) worker.handlers().get(FullSyncPhaseHandler.class))
        .run(new FullSyncPhaseRequest("crm", "r1", FullSyncRun.Phase.CLEANUP, false));

    assertThat(target.findAll(getRequestedFor(urlPathEqualTo(BASE + "/Users"))))
        .as("the refused listing; once, the probe of how to check for changes, refused too")
        .hasSize(2);
    assertThat(target.findAll(getRequestedFor(urlPathMatching(BASE + "/Users/R-.*"))))
        .hasSize(1000);
    assertThat(stores.syncState().driftMarks("crm").incremental())
        .as("between full reads nothing is read: the target lists nothing")
        .isEqualTo(io.scimfleet.model.DriftMarks.Incremental.NONE);
    assertThat(stores.syncState().lastRun("crm").orElseThrow().counts().unmanaged()).isZero();
  }

  @Test
  void aTargetFailingToListStopsTheCheckOfThatTypeAndTheCleanUpStillRuns() throws Exception {
    target.stubFor(
        get(urlPathEqualTo(BASE + "/Users"))
            .willReturn(scim(503, "{\"status\":\"503\",\"detail\":\"busy\"}")));
    stores.syncState().startRun(cleanable(FullSyncRun.started("r2", "crm", clock.instant())));

    ((FullSyncPhaseHandler) worker.handlers().get(FullSyncPhaseHandler.class))
        .run(new FullSyncPhaseRequest("crm", "r2", FullSyncRun.Phase.CLEANUP, false));

    FullSyncRun run = stores.syncState().lastRun("crm").orElseThrow();
    assertThat(run.status()).isEqualTo(FullSyncRun.Status.SUCCEEDED);
    assertThat(run.errors())
        .singleElement()
        .asString()
        .startsWith("drift check of Users stopped")
        .contains("503");
    assertThat(target.findAll(getRequestedFor(urlPathEqualTo(BASE + "/Groups")))).hasSize(1);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder scim(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(body);
  }
}
