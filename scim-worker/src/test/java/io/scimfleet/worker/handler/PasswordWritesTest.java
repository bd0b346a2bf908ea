package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.job.PermanentJobFailure;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.secret.SecretSources;
import io.scimfleet.store.Stores;
import io.scimfleet.target.TargetPolicy;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a password goes to a target that takes it in ways the SCIM-SDK server does not play: a PUT
 * when the target has no PATCH, a refusal that quotes the password, a worker without the key.
 */
class PasswordWritesTest {
  /** The provider's token comes from a variable, so that a worker without a key can read it. */
  private static final Map<String, String> TOKEN_VARIABLE = Map.of("SCIM_TARGET_CRM", "t0ken");

  private static final String BASE = "/scim/v2";
  private static final String SECRET = "quoted-back-by-the-target-93";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private Worker worker;

  @AfterEach
  void stop() {
    if (worker != null) worker.close();
  }

  @Test
  void onATargetWithoutPatchThePasswordGoesInAPutOfTheWholeUserOnce() throws Exception {
    start(TestSecurity.settings(Path.of("/nonexistent"), TOKEN_VARIABLE), false);
    target.stubFor(
        put(urlPathEqualTo(BASE + "/Users/R-1"))
            .willReturn(scim(200, "{\"id\":\"R-1\",\"userName\":\"u1\"}")));

    syncUser();
    syncUser();

    assertThat(target.findAll(putRequestedFor(urlPathEqualTo(BASE + "/Users/R-1"))))
        .hasSize(1)
        .allSatisfy(
            request -> {
              JsonNode body = JSON.readTree(request.getBodyAsString());
              assertThat(body.path("password").asText()).isEqualTo(SECRET);
              assertThat(body.path("userName").asText()).isEqualTo("u1");
            });
    ObjectSyncState state = stores.syncState().get("crm", ObjectType.USER, "u1").orElseThrow();
    assertThat(state.password()).isEqualTo("delivered");
    assertThat(state.pathsSent()).doesNotContain("password");
  }

  @Test
  void aRefusedPasswordFailsTheUserWithTheStatusButNotTheTargetsWords() {
    start(TestSecurity.settings(Path.of("/nonexistent"), TOKEN_VARIABLE), true);
    target.stubFor(
        patch(urlPathEqualTo(BASE + "/Users/R-1"))
            .willReturn(
                scim(
                    400,
                    "{\"scimType\":\"invalidValue\",\"detail\":\"password '"
                        + SECRET
                        + "' is too weak\"}")));

    assertThatThrownBy(this::syncUser)
        .isInstanceOf(PermanentJobFailure.class)
        .hasMessageContaining("PATCH /Users/R-1 -> 400 invalidValue")
        .hasMessageNotContaining(SECRET)
        .satisfies(e -> assertThat(e.getCause()).isNull());

    ObjectSyncState state = stores.syncState().get("crm", ObjectType.USER, "u1").orElseThrow();
    assertThat(state.lastError()).contains("400").contains("not kept").doesNotContain(SECRET);
    assertThat(target.findAll(patchRequestedFor(urlPathEqualTo(BASE + "/Users/R-1")))).hasSize(1);
  }

  @Test
  void aWorkerWithoutTheKeyFailsTheUserSayingWhatIsMissingAndSendsNothing() {
    start(
        new SecuritySettings(
            new SecretSources(
                Path.of("/nonexistent"),
                SecretSources.DEFAULT_ENV_PREFIX,
                null,
                TOKEN_VARIABLE::get),
            TargetPolicy.defaults(),
            null),
        true);

    assertThatThrownBy(this::syncUser)
        .isInstanceOf(PermanentJobFailure.class)
        .hasMessageContaining("SCIM_SECRET_KEY");
    target.verify(
        0,
        anyRequestedFor(anyUrl())
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("password")));
  }

  /**
   * User u1 created on the target as R-1, unchanged since; then a new password waits for provider
   * crm.
   */
  private void start(SecuritySettings security, boolean patch) {
    target.stubFor(
        post(urlPathEqualTo(BASE + "/Users"))
            .willReturn(scim(201, "{\"id\":\"R-1\",\"userName\":\"u1\"}")));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/ServiceProviderConfig"))
            .willReturn(
                scim(
                    200,
                    """
        {"patch":{"supported":%s},"changePassword":{"supported":true},"bulk":{"supported":false},
         "filter":{"supported":true,"maxResults":100},"etag":{"supported":false}}"""
                        .formatted(patch))));
    target.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes")).willReturn(aResponse().withStatus(404)));
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl() + BASE)
                .withCredential(Credential.fromEnv("SCIM_TARGET_CRM"))
                .syncingPasswords()
                .build());
    worker =
        new Worker(
            stores,
            new NoJobQueue(),
            new FleetMetrics(new SimpleMeterRegistry()),
            clock,
            2,
            RateLimiter.local(),
            security,
            Pacing.defaults(4));
    stores.directory().putUser(aUser("u1").build());
    try {
      syncUser();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    stores.passwords().put("u1", TestSecurity.sealPassword("u1", SECRET), Duration.ofHours(24));
  }

  private void syncUser() throws Exception {
    SyncObjectHandler handler = (SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class);
    handler.run(new SyncObjectRequest("crm", ObjectType.USER, "u1", null));
  }

  private static ResponseDefinitionBuilder scim(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(body);
  }
}
