package io.scimfleet.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.scim.ScimWireMock.BASE;
import static io.scimfleet.scim.ScimWireMock.TOKEN;
import static io.scimfleet.scim.ScimWireMock.scimJson;
import static io.scimfleet.testing.ScimResources.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the client makes of targets that fail: every failure a typed error with a retry verdict. */
class ScimClientFaultsTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final List<String> observed = new CopyOnWriteArrayList<>();
  private ScimClient client;

  @BeforeEach
  void client() {
    client =
        ScimWireMock.clientFor(wireMock.getRuntimeInfo())
            .responseTimeout(Duration.ofMillis(400))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .requestListener(
                (method, endpoint, status, took) ->
                    observed.add(method + " " + endpoint + " " + status))
            .build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @ParameterizedTest
  @CsvSource({
    "120, PT2M",
    "'Sun, 01 Jun 2025 12:00:30 GMT', PT30S",
    "'Sun, 01 Jun 2025 11:00:00 GMT', PT0S"
  })
  void rateLimitedCarriesRetryAfterInSecondsOrAsADate(String header, Duration expected) {
    stubGetUser(aResponse().withStatus(429).withHeader("Retry-After", header));

    assertThatThrownBy(() -> client.get("Users", "1"))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).contains(expected);
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void serverErrorsAreRetryable(int status) {
    stubGetUser(scimJson(status, "{\"status\":\"" + status + "\",\"detail\":\"backend down\"}"));

    assertThatThrownBy(() -> client.get("Users", "1"))
        .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessage("GET /Users/1 -> " + status + ": backend down");
  }

  @Test
  void unavailableCarriesRetryAfter() {
    stubGetUser(aResponse().withStatus(503).withHeader("Retry-After", "7"));

    assertThatThrownBy(() -> client.get("Users", "1"))
        .isInstanceOfSatisfying(
            ServerErrorException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
  }

  @Test
  void responseSlowerThanTheResponseTimeoutIsARetryableTransportFailure() {
    stubGetUser(scimJson(200, ScimWireMock.user("1", "a")).withFixedDelay(2_000));

    assertThatThrownBy(() -> client.get("Users", "1"))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.status()).isEqualTo(-1);
            })
        .hasMessageContaining("GET /Users/1 -> failed: timed out");
    assertThat(observed).containsExactly("GET Users -1");
  }

  @Test
  void totalTimeoutCutsAResponseThatKeepsDribbling() {
    try (ScimClient patient =
        ScimWireMock.clientFor(wireMock.getRuntimeInfo())
            .totalTimeout(Duration.ofMillis(500))
            .build()) {
      stubGetUser(
          scimJson(200, ScimWireMock.user("1", "a") + " ".repeat(400))
              .withChunkedDribbleDelay(40, 4_000));

      assertThatThrownBy(() -> patient.get("Users", "1"))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageContaining("timed out");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
  void brokenConnectionsAreRetryableTransportFailures(Fault fault) {
    stubGetUser(aResponse().withFault(fault));

    assertThatThrownBy(() -> client.get("Users", "1"))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void refusedConnectionIsARetryableTransportFailure() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (ScimClient nowhere =
        ScimClient.builder(URI.create("http://127.0.0.1:" + closedPort + "/scim/v2"))
            .bearerToken(TOKEN)
            .build()) {
      assertThatThrownBy(() -> nowhere.get("Users", "1"))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageContaining("connection refused");
    }
  }

  @Test
  void htmlErrorPageBecomesAReadableMessage() {
    stubGetUser(
        aResponse()
            .withStatus(502)
            .withHeader("Content-Type", "text/html")
            .withBody(
                "<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>"));

    assertThatThrownBy(() -> client.get("Users", "1"))
        .hasMessage("GET /Users/1 -> 502: 502 Bad Gateway");
  }

  @Test
  void plainTextErrorIsCollapsedAndCut() {
    stubGetUser(aResponse().withStatus(400).withBody("  bad\n\n   request " + "x".repeat(500)));

    assertThatThrownBy(() -> client.get("Users", "1"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("GET /Users/1 -> 400: bad request xxx")
        .hasMessageEndingWith("x…");
  }

  @Test
  void successWithABrokenBodyIsAMalformedResponse() {
    stubGetUser(scimJson(200, "{\"id\":\"1\",\"userName\":"));

    assertThatThrownBy(() -> client.get("Users", "1"))
        .isInstanceOfSatisfying(
            MalformedResponseException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("GET /Users/1 -> 200");
  }

  @ParameterizedTest
  @ValueSource(strings = {"409", "\"409\""})
  void errorStatusMayBeANumberOrAString(String status) {
    wireMock.stubFor(
        post(urlPathEqualTo(BASE + "/Users"))
            .willReturn(
                scimJson(
                    409,
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":"
                        + status
                        + ",\"scimType\":\"uniqueness\",\"detail\":\"userName already exists\"}")));

    assertThatThrownBy(() -> client.create("Users", aUser("a")))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.scimType()).contains("uniqueness");
              assertThat(e.detail()).isEqualTo("userName already exists");
              assertThat(e.retryable()).isFalse();
            })
        .hasMessage("POST /Users -> 409 uniqueness: userName already exists");
  }

  @ParameterizedTest
  @CsvSource({
    "400, BadRequestException",
    "401, UnauthorizedException",
    "403, UnauthorizedException",
    "404, NotFoundException",
    "412, PreconditionFailedException",
    "415, ScimException"
  })
  void permanentStatusesMapToTheirErrorAndAreNotRetryable(int status, String type) {
    stubGetUser(scimJson(status, "{\"detail\":\"no\"}"));

    assertThatThrownBy(() -> client.get("Users", "1"))
        .isInstanceOfSatisfying(
            ScimException.class,
            e -> {
              assertThat(e.getClass().getSimpleName()).isEqualTo(type);
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void tokenEchoedByTheTargetNeverReachesTheMessage() {
    stubGetUser(scimJson(401, "{\"detail\":\"token " + TOKEN + " is not valid\"}"));

    assertThatThrownBy(() -> client.get("Users", "1"))
        .hasMessage("GET /Users/1 -> 401: token *** is not valid");
  }

  @Test
  void listenerHearsEveryRequestAndItsFailuresNeverBreakTheCaller() {
    stubGetUser(scimJson(200, ScimWireMock.user("1", "a")));
    try (ScimClient noisy =
        ScimWireMock.clientFor(wireMock.getRuntimeInfo())
            .requestListener(
                (method, endpoint, status, took) -> {
                  throw new IllegalStateException("metrics down");
                })
            .build()) {
      assertThat(noisy.get("Users", "1").id()).isEqualTo("1");
    }
    client.get("Users", "1");
    assertThat(observed).containsExactly("GET Users 200");
  }

  @Test
  void builderAndClientNeverShowTheToken() {
    ScimClientBuilder builder = ScimWireMock.clientFor(wireMock.getRuntimeInfo());

    assertThat(builder.toString()).doesNotContain(TOKEN);
    assertThat(client.toString()).doesNotContain(TOKEN);
  }

  private static void stubGetUser(
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    wireMock.stubFor(get(urlPathEqualTo(BASE + "/Users/1")).willReturn(response));
    wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
  }
}
