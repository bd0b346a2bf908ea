package io.scimfleet.scheduler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.http.ApiServer;
import io.scimfleet.scheduler.http.ApiSettings;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.testing.ScimSdkServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-object history and sync-now over the HTTP API, with the change feed, JobRunr and a worker on
 * the real Redis, and a SCIM-SDK target.
 */
class ObjectHistoryIT {
  private static final Duration PATIENCE = Duration.ofSeconds(45);
  private static final String ADMIN = "history-it-admin-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScimSdkServer target;
  private Fleet fleet;
  private ApiServer api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
    fleet = new Fleet(ObjectHistoryIT.class, 1);
    SecuritySettings security = SecuritySettings.fromEnv(System.getenv());
    api =
        ApiServer.start(
            fleet.scheduler,
            new ProviderRegistry(fleet.stores, fleet.scheduler.fullSyncs(), security),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            new ApiSettings(ADMIN, 64 * 1024, 0));
  }

  @AfterEach
  void stop() {
    api.close();
    fleet.close();
    target.close();
  }

  @Test
  void theHistoryShowsARefusedAttemptAndThenTheSyncNowThatSucceeded() throws Exception {
    fleet.addProvider(crm(Credential.inline("a-token-the-target-refuses")));
    fleet.stores.directory().putUser(aUser("ada").build());
    await().atMost(PATIENCE).until(() -> !history("ada").isEmpty());
    assertThat(target.users()).isEmpty();

    fleet.addProvider(crm(Credential.inline(target.token()))); // someone fixed the token
    HttpResponse<String> synced = send("POST", "/api/v1/providers/crm/objects/users/ada/sync");

    assertThat(synced.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(synced.body()).path("outcome").asText()).isEqualTo("created");
    assertThat(target.users())
        .extracting(user -> user.path("userName").asText())
        .containsExactly("ada");
    JsonNode history = history("ada");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).path("trigger").asText()).isEqualTo("manual");
    assertThat(history.get(0).path("outcome").asText()).isEqualTo("created");
    assertThat(history.get(0).path("requests").toString())
        .contains("{\"method\":\"POST\",\"status\":201}");
    assertThat(history.get(0).path("error").isNull()).isTrue();
    assertThat(history.get(1).path("trigger").asText()).isEqualTo("change");
    assertThat(history.get(1).path("outcome").asText()).isEqualTo("failed");
    assertThat(history.get(1).path("error").asText()).contains("401");
    assertThat(history.get(1).path("requests").toString()).contains("\"status\":401");
    assertThat(history.get(1).path("durationMs").isIntegralNumber()).isTrue();
  }

  @Test
  void syncNowRecreatesAUserDeletedByHandOnTheTarget() throws Exception {
    fleet.addProvider(crm(Credential.inline(target.token())));
    fleet.stores.directory().putUser(aUser("bob").build());
    await().atMost(PATIENCE).until(() -> target.users().size() == 1 && history("bob").size() == 1);
    String remoteId =
        fleet.stores.syncState().get("crm", ObjectType.USER, "bob").orElseThrow().remoteId();
    try (ScimClient client =
        ScimClient.builder(target.baseUrl()).bearerToken(target.token()).build()) {
      client.delete("Users", remoteId, null); // a hand edit on the target
    }
    assertThat(target.users()).isEmpty();

    HttpResponse<String> synced = send("POST", "/api/v1/providers/crm/objects/users/bob/sync");

    assertThat(synced.statusCode()).isEqualTo(200);
    JsonNode attempt = JSON.readTree(synced.body());
    assertThat(attempt.path("trigger").asText()).isEqualTo("manual");
    assertThat(attempt.path("error").isNull()).isTrue();
    assertThat(attempt.path("requests").toString())
        .contains("\"status\":404")
        .contains("{\"method\":\"POST\",\"status\":201}");
    assertThat(target.users())
        .extracting(user -> user.path("userName").asText())
        .containsExactly("bob");
    assertThat(fleet.stores.syncState().get("crm", ObjectType.USER, "bob").orElseThrow().remoteId())
        .isNotEqualTo(remoteId);
  }

  private Provider crm(Credential credential) {
    return aProvider("crm").at(target.baseUrl().toString()).withCredential(credential).build();
  }

  private JsonNode history(String userId) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        send("GET", "/api/v1/providers/crm/objects/users/" + userId + "/history");
    assertThat(answer.statusCode()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private HttpResponse<String> send(String method, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .header("Authorization", "Bearer " + ADMIN)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
