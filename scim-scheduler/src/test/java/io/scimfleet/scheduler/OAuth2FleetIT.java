package io.scimfleet.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.scimfleet.model.Credential;
import io.scimfleet.model.OAuth2Client;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.testing.ScimSdkServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OAuth 2.0 client credentials across the fleet: a worker gets its tokens from an authorization
 * server (WireMock) and sends them to a SCIM-SDK target that accepts only the token it knows.
 */
class OAuth2FleetIT {
  private static final Duration PATIENCE = Duration.ofSeconds(45);
  private static final String TOKEN_PATH = "/oauth2/token";

  /**
   * A short-lived token's lifetime. The first sync's requests must all fit in 9 s of it (the client
   * keeps a tenth as a margin): a cold fleet on a loaded machine could outlast the 1.8 s of a 2 s
   * token and fetch a second one.
   */
  private static final int TOKEN_SECONDS = 10;

  @RegisterExtension
  static WireMockExtension idp =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ScimSdkServer target;
  private Fleet fleet;

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
    fleet = new Fleet(OAuth2FleetIT.class, 1);
  }

  @AfterEach
  void stop() {
    fleet.close();
    target.close();
  }

  @Test
  void aTokenIsFetchedAgainOnceItExpires() {
    idp.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(token(target.token(), TOKEN_SECONDS)));
    addOAuthProvider();

    putUsers(0, 1);
    await().atMost(PATIENCE).until(() -> syncedUsers() == 1);
    idp.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    Instant fetched =
        idp.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))
            .get(0)
            .getLoggedDate()
            .toInstant();
    await()
        .atMost(PATIENCE)
        // expired, also for a client that got the answer up to 2 s after the IdP logged the request
        .until(() -> Instant.now().isAfter(fetched.plusSeconds(TOKEN_SECONDS + 2)));
    putUsers(1, 2);
    await().atMost(PATIENCE).until(() -> syncedUsers() == 2);

    idp.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    assertThat(target.users()).hasSize(2);
  }

  @Test
  void aTokenTheTargetRefusesIsReplacedOnceAndTheNewOneServesEveryObject() {
    idp.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("revoked")
            .whenScenarioStateIs(STARTED)
            .willReturn(token("revoked-at-the-idp", 3600))
            .willSetStateTo("renewed"));
    idp.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("revoked")
            .whenScenarioStateIs("renewed")
            .willReturn(token(target.token(), 3600)));
    addOAuthProvider();

    putUsers(0, 12);
    await().atMost(PATIENCE).until(() -> syncedUsers() == 12);

    idp.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    assertThat(target.users()).hasSize(12);
    assertThat(fleet.stores.quarantines().get("crm")).isEmpty();
  }

  private void addOAuthProvider() {
    OAuth2Client client =
        new OAuth2Client(URI.create(idp.baseUrl() + TOKEN_PATH), "fleet", "scim", null, "basic");
    fleet.addProvider(
        aProvider("crm")
            .at(target.baseUrl().toString())
            .withCredential(Credential.oauth2(client, Credential.inline("client-secret")))
            .build());
  }

  private void putUsers(int from, int to) {
    IntStream.range(from, to)
        .forEach(i -> fleet.stores.directory().putUser(aUser("u" + i).build()));
  }

  private long syncedUsers() {
    return IntStream.range(0, 20)
        .mapToObj(i -> fleet.stores.syncState().get("crm", ObjectType.USER, "u" + i))
        .filter(state -> state.isPresent() && state.get().outcome() == SyncOutcome.CREATED)
        .count();
  }

  private static ResponseDefinitionBuilder token(String accessToken, int expiresIn) {
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
}
