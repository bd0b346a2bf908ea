package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.PermanentJobFailure;
import io.scimfleet.job.RetryLater;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.OAuth2Client;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.Quarantine;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A target that keeps failing gets its provider quarantined; the first success after the pause
 * lifts it.
 */
class QuarantineTest {
  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private JobRunrFleet jobs;
  private Worker worker;
  private SyncObjectHandler handler;

  @BeforeEach
  void start() {
    jobs = JobRunrFleet.inMemory();
    JobQueue queue = jobs.queue();
    Pacing oneTryPerJob =
        new Pacing(2, Duration.ofSeconds(10), 1, Duration.ofHours(24)); // each call: one failure
    worker =
        new Worker(
            stores,
            queue,
            new FleetMetrics(new SimpleMeterRegistry()),
            clock,
            2,
            RateLimiter.local(),
            TestSecurity.settings(),
            oneTryPerJob);
    handler = (SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class);
    stores
        .providers()
        .put(
            Provider.of(
                "crm",
                URI.create(target.baseUrl() + "/scim/v2"),
                TestSecurity.inline("crm", "t0ken")));
    for (int i = 0; i < 12; i++) stores.directory().putUser(aUser("u" + i).build());
  }

  @AfterEach
  void stop() {
    worker.close();
    jobs.close();
  }

  @Test
  void tenFailuresInARowQuarantineTheProviderAndNothingMoreIsSentUntilThePauseEnds() {
    target.stubFor(
        any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("down for maintenance")));
    for (int i = 0; i < 10; i++) {
      String userId = "u" + i;
      assertThatThrownBy(() -> sync(userId)).isInstanceOf(RetryLater.class);
    }

    Quarantine quarantine = stores.quarantines().get("crm").orElseThrow();
    assertThat(quarantine.level()).isEqualTo(1);
    assertThat(quarantine.reason()).contains("503");
    int sent = target.getAllServeEvents().size();

    assertThatThrownBy(() -> sync("u10"))
        .isInstanceOf(RetryLater.class)
        .satisfies(e -> assertThat(((RetryLater) e).notBefore()).isEqualTo(Duration.ofMinutes(1)));
    assertThat(target.getAllServeEvents()).hasSize(sent);
    assertThat(stores.syncState().get("crm", ObjectType.USER, "u10")).isEmpty();
  }

  @Test
  void theFirstSuccessAfterThePauseLiftsTheQuarantine() {
    stores.quarantines().enter("crm", "401 invalid token", clock.instant());
    target.stubFor(
        post(urlPathMatching("/scim/v2/Users"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/scim+json")
                    .withBody("{\"id\":\"r11\",\"userName\":\"u11\"}")));
    assertThatThrownBy(() -> sync("u11")).isInstanceOf(RetryLater.class);

    clock.advance(Duration.ofMinutes(1));
    sync("u11");

    assertThat(stores.quarantines().get("crm")).isEmpty();
    assertThat(stores.syncState().get("crm", ObjectType.USER, "u11").orElseThrow().remoteId())
        .isEqualTo("r11");
  }

  @Test
  void aFailedProbeQuarantinesItForTwiceAsLong() {
    stores.quarantines().enter("crm", "503", clock.instant());
    clock.advance(Duration.ofMinutes(1));
    target.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withBody("bad token")));

    assertThatThrownBy(() -> sync("u0")).hasMessageContaining("401");

    Quarantine deeper = stores.quarantines().get("crm").orElseThrow();
    assertThat(deeper.level()).isEqualTo(2);
    assertThat(Duration.between(deeper.since(), deeper.until())).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aTokenEndpointThatRefusesTheClientCountsTowardQuarantine() {
    target.stubFor(
        post(urlPathMatching("/oauth2/token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));
    OAuth2Client client =
        new OAuth2Client(
            URI.create(target.baseUrl() + "/oauth2/token"), "fleet", null, null, "body");
    stores
        .providers()
        .put(
            Provider.of(
                "crm",
                URI.create(target.baseUrl() + "/scim/v2"),
                TestSecurity.sealed(
                    "crm", Credential.oauth2(client, Credential.inline("cl1ent-s3cret")))));

    for (int i = 0; i < 10; i++) {
      String userId = "u" + i;
      assertThatThrownBy(() -> sync(userId))
          .isInstanceOf(PermanentJobFailure.class)
          .hasMessageContaining(
              "/oauth2/token -> 400 invalid_client: Client authentication failed");
    }

    Quarantine quarantine = stores.quarantines().get("crm").orElseThrow();
    assertThat(quarantine.reason()).contains("invalid_client").doesNotContain("cl1ent-s3cret");
    assertThat(stores.syncState().get("crm", ObjectType.USER, "u0").orElseThrow().lastError())
        .contains("invalid_client");
    assertThat(target.findAll(postRequestedFor(urlPathMatching("/scim/v2/.*")))).isEmpty();
  }

  private void sync(String userId) {
    try {
      handler.run(new SyncObjectRequest("crm", ObjectType.USER, userId, null));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
