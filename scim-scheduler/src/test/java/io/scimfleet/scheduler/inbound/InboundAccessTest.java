package io.scimfleet.scheduler.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.store.Stores;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who gets in, how often, with how much: tokens, rotation, rate limit, body cap, the off state. */
class InboundAccessTest {
  private static final String USER =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada\"}";

  private static final String NEW = "new-inbound-token-0123456789abcdef";
  private static final String OLD = "old-inbound-token-0123456789abcdef";

  private InboundFixture fixture = InboundFixture.inMemory();

  @AfterEach
  void close() {
    fixture.close();
  }

  @ParameterizedTest(name = "token {0}")
  @ValueSource(strings = {"", "wrong-token", InboundFixture.ADMIN_TOKEN})
  void aMissingWrongOrAdminTokenIs401WithAScimErrorAndWritesNothing(String token) {
    ScimCalls.Answer answer =
        fixture.scim.withToken(token.isEmpty() ? null : token).post("/Users", USER);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(answer.header("Content-Type")).startsWith("application/scim+json");
    assertThat(answer.json().path("schemas").get(0).asText())
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(answer.json().path("status").asText()).isEqualTo("401");
    assertThat(answer.json().path("detail").asText()).contains("SCIM_INBOUND_TOKEN");
    assertThat(fixture.stores.directory().userCount()).isZero();
  }

  @Test
  void everyConfiguredTokenIsAcceptedSoThatATokenCanBeRotated() {
    assertThat(fixture.scim.get("/Users").status()).isEqualTo(200);
    assertThat(fixture.scim.withToken(InboundFixture.NEXT_TOKEN).get("/Users").status())
        .isEqualTo(200);
  }

  @Test
  void theInboundTokenDoesNotOpenTheRestApi() {
    assertThat(fixture.scim.outside("/api/v1/users/u1").status()).isEqualTo(401);
    assertThat(fixture.scim.outside("/api/v1/providers").status()).isEqualTo(401);
  }

  @Test
  void aFloodFromOneTokenIs429WithRetryAfterAndLeavesTheOtherTokenAlone() {
    fixture.close();
    fixture =
        new InboundFixture(
            Stores.inMemory(),
            InboundSettings.withTokens(InboundFixture.TOKEN, InboundFixture.NEXT_TOKEN)
                .withRate(5));
    int refused = 0;
    String retryAfter = null;
    for (int i = 0; i < 40; i++) {
      ScimCalls.Answer answer = fixture.scim.get("/Users");
      if (answer.status() == 429) {
        refused++;
        retryAfter = answer.header("Retry-After");
        assertThat(answer.json().path("status").asText()).isEqualTo("429");
      }
    }
    assertThat(refused).isGreaterThan(20);
    assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2);
    assertThat(fixture.scim.withToken(InboundFixture.NEXT_TOKEN).get("/Users").status())
        .isEqualTo(200);
  }

  @Test
  void aBodyOverTheCapIs413AndWritesNothing() {
    String big =
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada\","
            + "\"title\":\""
            + "x".repeat((int) InboundFixture.MAX_BODY_BYTES)
            + "\"}";

    ScimCalls.Answer answer = fixture.scim.post("/Users", big);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().path("detail").asText()).contains("larger than");
    assertThat(fixture.stores.directory().userCount()).isZero();
  }

  @Test
  void withoutATokenTheEndpointIsNotThere() {
    fixture.close();
    fixture = new InboundFixture(Stores.inMemory(), InboundSettings.off());

    assertThat(fixture.scim.get("/Users").status()).isEqualTo(404);
    assertThat(fixture.scim.post("/Users", USER).status()).isEqualTo(404);
    assertThat(fixture.stores.directory().userCount()).isZero();
  }

  @Test
  void requestsAreCountedByResourceMethodAndStatusWithALatencyHistogram() {
    fixture.scim.post("/Users", USER);
    fixture.scim.post("/Users", USER);
    fixture.scim.withToken("wrong").get("/Groups");

    String scrape = fixture.registry.scrape();
    assertThat(scrape)
        .contains(
            "scim_inbound_requests_total{method=\"POST\",resource=\"Users\",status=\"201\"} 1.0")
        .contains(
            "scim_inbound_requests_total{method=\"POST\",resource=\"Users\",status=\"409\"} 1.0")
        .contains(
            "scim_inbound_requests_total{method=\"GET\",resource=\"Groups\",status=\"401\"} 1.0")
        .contains(
            "scim_inbound_request_duration_seconds_bucket{method=\"POST\",resource=\"Users\"");
  }

  @Test
  void settingsComeFromTheEnvironmentAndRefuseTheAdminToken() {
    InboundSettings settings =
        InboundSettings.fromEnv(
            Map.of("SCIM_INBOUND_TOKEN", " " + NEW + " , " + OLD + " ", "SCIM_INBOUND_RATE", "25"));
    assertThat(settings.tokens()).containsExactly(NEW, OLD);
    assertThat(settings.requestsPerSecond()).isEqualTo(25);
    assertThat(settings.toString()).doesNotContain(NEW);
    assertThat(InboundSettings.fromEnv(Map.of()).enabled()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                InboundSettings.fromEnv(Map.of("SCIM_INBOUND_TOKEN", NEW, "SCIM_ADMIN_TOKEN", NEW)))
        .hasMessageContaining("must differ from SCIM_ADMIN_TOKEN");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> InboundSettings.fromEnv(Map.of("SCIM_INBOUND_TOKEN", NEW + ",short-token")))
        .hasMessageContaining("SCIM_INBOUND_TOKEN must be at least 32 characters")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short-token"));
  }
}
