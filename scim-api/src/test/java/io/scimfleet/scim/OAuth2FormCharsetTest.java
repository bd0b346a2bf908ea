package io.scimfleet.scim;

import static io.scimfleet.testing.ScimResources.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.scim.OAuth2Grant.ClientAuth;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.StrictTokenEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The token request is a UTF-8 form (RFC 6749 Appendix B): a token endpoint that refuses every
 * other charset with 415 issues the token, and credentials outside ASCII arrive intact.
 */
class OAuth2FormCharsetTest {
  private static final String CLIENT = "fleet-klïent";
  private static final String SECRET = "sécret-ünicode-✓";
  private static ScimSdkServer server;

  @BeforeAll
  static void start() {
    server = ScimSdkServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(ClientAuth.class)
  void aTokenEndpointThatAcceptsOnlyUtf8FormsIssuesTheToken(ClientAuth auth) {
    String userName = "ada-" + auth;
    try (StrictTokenEndpoint idp = StrictTokenEndpoint.issuing(server.token(), CLIENT, SECRET);
        ScimClient client = client(idp, auth)) {
      client.create("Users", aUser(userName));

      assertThat(idp.answers()).containsExactly(200);
    }
    assertThat(server.users()).extracting(u -> u.get("userName").asText()).contains(userName);
  }

  @Test
  void theStrictEndpointRefusesALatin1Form() throws Exception {
    try (StrictTokenEndpoint idp = StrictTokenEndpoint.issuing("t", CLIENT, SECRET)) {
      java.net.http.HttpResponse<String> answer =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(idp.url())
                      .header(
                          "Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1")
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "grant_type=client_credentials"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(415);
    }
  }

  private static ScimClient client(StrictTokenEndpoint idp, ClientAuth auth) {
    return ScimClient.builder(server.baseUrl())
        .oauth2(new OAuth2Grant(idp.url(), CLIENT, SECRET, null, null, auth))
        .responseTimeout(Duration.ofSeconds(5))
        .build();
  }
}
