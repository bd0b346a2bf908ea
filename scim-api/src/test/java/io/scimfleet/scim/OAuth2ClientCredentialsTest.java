package io.scimfleet.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.scimfleet.testing.ScimResources.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.scimfleet.scim.OAuth2Grant.ClientAuth;
import io.scimfleet.target.Cidr;
import io.scimfleet.target.TargetPolicy;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.ScimSdkServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OAuth 2.0 client credentials: a scripted authorization server (WireMock) issues the tokens, a
 * real SCIM server (SCIM-SDK) accepts only its own token as Bearer.
 */
class OAuth2ClientCredentialsTest {
  private static final String TOKEN_PATH = "/oauth2/token";
  private static final String SECRET = "cl!ent-s3cret never shown";
  private static ScimSdkServer server;

  @RegisterExtension
  static WireMockExtension idp =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
          .build();

  private final MutableClock clock = MutableClock.startingNow();

  @BeforeAll
  static void start() {
    server = ScimSdkServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void clean() {
    server.reset();
  }

  @Test
  void oneTokenServesManyRequests() {
    issues(server.token(), 3600);

    try (ScimClient client = client(grant(ClientAuth.BASIC))) {
      for (int i = 0; i < 5; i++) client.create("Users", aUser("user" + i));
    }

    assertThat(server.users()).hasSize(5);
    idp.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  @Test
  void aTokenIsRenewedShortlyBeforeItExpires() {
    issues(server.token(), 2);

    try (ScimClient client = client(grant(ClientAuth.BASIC))) {
      client.create("Users", aUser("a"));
      clock.advance(Duration.ofMillis(1700));
      client.create("Users", aUser("b"));
      idp.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
      clock.advance(Duration.ofMillis(200)); // 1.9 s: within the last tenth of its 2 s
      client.create("Users", aUser("c"));
    }

    idp.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    assertThat(server.users()).hasSize(3);
  }

  @Test
  void anExpiryGivenAsTextIsHonoured() {
    idp.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\":\""
                            + server.token()
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":\"2\"}")));

    try (ScimClient client = client(grant(ClientAuth.BASIC))) {
      client.create("Users", aUser("a"));
      clock.advance(Duration.ofMillis(1900));
      client.create("Users", aUser("b"));
    }

    idp.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  @Test
  void aRefusedTokenIsReplacedOnceAndTheRequestSucceeds() {
    idp.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("revoked")
            .whenScenarioStateIs(STARTED)
            .willReturn(token("revoked-by-the-idp", 3600))
            .willSetStateTo("renewed"));
    idp.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("revoked")
            .whenScenarioStateIs("renewed")
            .willReturn(token(server.token(), 3600)));

    try (ScimClient client = client(grant(ClientAuth.BASIC))) {
      client.create("Users", aUser("ada"));
      client.create("Users", aUser("bob"));
    }

    idp.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    assertThat(server.users()).hasSize(2);
    assertThat(server.requestCount("POST")).isEqualTo(3); // ada twice (401, then 201), bob once
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"\"token_type\":\"bearer\",", "\"token_type\":\"BEARER\",", ""})
  void aTokenTypeInAnyCaseOrNoneIsTakenAsBearer(String tokenType) {
    idp.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody(
                        "{\"access_token\":\""
                            + server.token()
                            + "\","
                            + tokenType
                            + "\"expires_in\":60}")));

    try (ScimClient client = client(grant(ClientAuth.BASIC))) {
      client.create("Users", aUser("ada"));
    }

    assertThat(server.users()).hasSize(1);
  }

  @Test
  void aSecond401IsFinal() {
    issues("never-accepted", 3600);

    try (ScimClient client = client(grant(ClientAuth.BASIC))) {
      UnauthorizedException refused =
          catchThrowableOfType(
              UnauthorizedException.class, () -> client.create("Users", aUser("ada")));
      assertThat(refused.status()).isEqualTo(401);
    }

    idp.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    assertThat(server.requestCount("POST")).isEqualTo(2);
  }

  @Test
  void basicClientAuthSendsTheCredentialsInTheHeader() {
    issues(server.token(), 3600);
    OAuth2Grant grant =
        new OAuth2Grant(
            tokenUrl(),
            "fleet:client",
            SECRET,
            "scim.write scim.read",
            "https://api.example",
            ClientAuth.BASIC);

    try (ScimClient client = client(grant)) {
      client.create("Users", aUser("ada"));
    }

    String pair = "fleet%3Aclient:" + SECRET.replace("!", "%21").replace(" ", "+");
    idp.verify(
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withHeader("Authorization", equalTo("Basic " + base64(pair)))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withRequestBody(containing("grant_type=client_credentials"))
            .withRequestBody(containing("scope=scim.write+scim.read"))
            .withRequestBody(containing("audience=https%3A%2F%2Fapi.example"))
            .withRequestBody(absentText("client_secret")));
  }

  @Test
  void bodyClientAuthSendsTheCredentialsInTheForm() {
    issues(server.token(), 3600);

    try (ScimClient client = client(grant(ClientAuth.BODY))) {
      client.create("Users", aUser("ada"));
    }

    idp.verify(
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withHeader("Authorization", absent())
            .withRequestBody(containing("grant_type=client_credentials"))
            .withRequestBody(containing("client_id=fleet"))
            .withRequestBody(containing("client_secret=cl%21ent-s3cret+never+shown")));
  }

  @Test
  void aRefusedClientIsAReadablePermanentErrorWithoutTheSecret() {
    idp.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed for "
                            + SECRET
                            + "\"}")));

    TokenEndpointException e;
    try (ScimClient client = client(grant(ClientAuth.BASIC))) {
      e =
          catchThrowableOfType(
              TokenEndpointException.class, () -> client.create("Users", aUser("ada")));
    }

    assertThat(e.getMessage())
        .isEqualTo(
            "POST " + tokenUrl() + " -> 400 invalid_client: Client authentication failed for ***");
    assertThat(e.retryable()).isFalse();
    assertThat(server.requestCount("POST")).isZero();
  }

  @Test
  void anUnreachableTokenEndpointIsRetryable() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + TOKEN_PATH);
    }
    OAuth2Grant grant = new OAuth2Grant(closed, "fleet", SECRET, null, null, ClientAuth.BASIC);

    TokenEndpointException e;
    try (ScimClient client = client(grant)) {
      e = catchThrowableOfType(TokenEndpointException.class, () -> client.get("Users", "1"));
    }

    assertThat(e.getMessage())
        .startsWith("POST " + closed + " -> failed: token endpoint: connection refused");
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void aMalformedTokenResponseIsReadable() {
    idp.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>login</html>")));

    TokenEndpointException e;
    try (ScimClient client = client(grant(ClientAuth.BASIC))) {
      e = catchThrowableOfType(TokenEndpointException.class, () -> client.get("Users", "1"));
    }

    assertThat(e.getMessage())
        .startsWith("POST " + tokenUrl() + " -> 200: not a usable token response");
  }

  @Test
  void aServerErrorOfTheTokenEndpointIsRetryable() {
    idp.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503).withBody("down")));

    TokenEndpointException e;
    try (ScimClient client = client(grant(ClientAuth.BASIC))) {
      e = catchThrowableOfType(TokenEndpointException.class, () -> client.get("Users", "1"));
    }

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void aTokenEndpointWhoseCertificateIsNotTrustedIsRefusedForGood() {
    issues(server.token(), 3600);
    URI https =
        URI.create(
            idp.getRuntimeInfo().getHttpsBaseUrl()
                + TOKEN_PATH); // WireMock's self-signed certificate

    TokenEndpointException e;
    try (ScimClient client =
        client(new OAuth2Grant(https, "fleet", SECRET, null, null, ClientAuth.BASIC))) {
      e = catchThrowableOfType(TokenEndpointException.class, () -> client.get("Users", "1"));
    }

    assertThat(e.getMessage()).contains("token endpoint: TLS refused");
    assertThat(e.retryable()).isFalse();
    idp.verify(0, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  @Test
  void aTokenEndpointAtARefusedAddressIsNeverContacted() {
    issues(server.token(), 3600);
    TargetPolicy refusingLoopback =
        new TargetPolicy(List.of(), List.of(Cidr.parse("127.0.0.0/8")), false);

    TokenEndpointException e;
    try (ScimClient client =
        ScimClient.builder(server.baseUrl())
            .oauth2(grant(ClientAuth.BASIC))
            .targetPolicy(refusingLoopback)
            .build()) {
      e = catchThrowableOfType(TokenEndpointException.class, () -> client.get("Users", "1"));
    }

    assertThat(e.getMessage()).contains("127.0.0.1");
    assertThat(e.retryable()).isFalse();
    idp.verify(0, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  private ScimClient client(OAuth2Grant grant) {
    return ScimClient.builder(server.baseUrl())
        .oauth2(grant)
        .clock(clock)
        .responseTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static OAuth2Grant grant(ClientAuth auth) {
    return new OAuth2Grant(tokenUrl(), "fleet", SECRET, null, null, auth);
  }

  private static URI tokenUrl() {
    return URI.create(idp.getRuntimeInfo().getHttpBaseUrl() + TOKEN_PATH);
  }

  private static void issues(String accessToken, int expiresIn) {
    idp.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(token(accessToken, expiresIn)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(
      String accessToken, int expiresIn) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"access_token\":\""
                + accessToken
                + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + expiresIn
                + "}");
  }

  private static com.github.tomakehurst.wiremock.matching.StringValuePattern absentText(
      String text) {
    return com.github.tomakehurst.wiremock.client.WireMock.notContaining(text);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
