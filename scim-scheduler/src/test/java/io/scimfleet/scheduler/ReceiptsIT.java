package io.scimfleet.scheduler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.http.ApiServer;
import io.scimfleet.scheduler.http.ApiSettings;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deprovisioning receipts and the propagation lag over the HTTP API, with the change feed, JobRunr
 * and a worker on the real Redis, and a SCIM-SDK target (a SCIM server nobody here wrote).
 */
class ReceiptsIT {
  private static final Duration PATIENCE = Duration.ofSeconds(45);
  private static final String ADMIN = "receipts-it-admin-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScimSdkServer target;
  private Fleet fleet;
  private ApiServer api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
    fleet = new Fleet(ReceiptsIT.class, 1);
    SecuritySettings security = TestSecurity.settings(); // as the fleet's workers
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
  void aDeletedUsersReceiptSaysWhenEachTargetRemovedItOrWhyNot() throws Exception {
    fleet.addProvider(provider("crm", 100));
    fleet.addProvider(provider("hr", 25)); // one user of one is beyond 25 %: held
    fleet.stores.directory().putUser(aUser("ada").build());
    await().atMost(PATIENCE).until(() -> state("ada", "crm").equals("provisioned"));
    await().atMost(PATIENCE).until(() -> state("ada", "hr").equals("provisioned"));
    JsonNode created = target("ada", "crm");
    // both providers share the target: the second links the first's user (409, then updated)
    assertThat(created.path("lastAction").asText()).isIn("created", "updated");
    assertThat(created.path("remoteId").asText()).isNotBlank();
    assertThat(created.path("acknowledgedAt").asText()).isNotBlank();

    fleet.stores.directory().deleteUser("ada");

    await().atMost(PATIENCE).until(() -> state("ada", "crm").equals("deleted"));
    await().atMost(PATIENCE).until(() -> state("ada", "hr").equals("held"));
    JsonNode receipt = provisioning("ada");
    assertThat(receipt.path("inDirectory").asBoolean()).isFalse();
    Instant deletedAt = Instant.parse(receipt.path("deletedAt").asText());
    JsonNode crm = target("ada", "crm");
    assertThat(crm.path("remoteId").asText()).isEqualTo(created.path("remoteId").asText());
    assertThat(Instant.parse(crm.path("removedAt").asText())).isAfterOrEqualTo(deletedAt);
    assertThat(target("ada", "hr").path("reason").asText())
        .contains("held by the deletion guard")
        .contains("/api/v1/providers/hr/deletions/release");

    List<JsonNode> exported = ndjson("/api/v1/receipts");
    assertThat(exported)
        .extracting(
            line -> line.path("userId").asText() + " " + line.path("target").path("state").asText())
        .containsExactlyInAnyOrder("ada deleted", "ada held");
    assertThat(ndjson("/api/v1/users/ada/provisioning?format=ndjson")).hasSize(2);
  }

  @Test
  void createAndDeprovisionAreTimedFromTheDirectoryWrite() throws Exception {
    fleet.addProvider(provider("crm", 100));
    fleet.stores.directory().putUser(aUser("bob").build());
    await().atMost(PATIENCE).until(() -> lag("crm", "create").count() == 1);
    fleet.stores.directory().deleteUser("bob");
    await().atMost(PATIENCE).until(() -> lag("crm", "deprovision").count() == 1);

    assertThat(lag("crm", "deprovision").totalTime(TimeUnit.MILLISECONDS))
        .isPositive()
        .isLessThan((double) PATIENCE.toMillis());
  }

  @Test
  void aMappingChangeIsPlannedAndAppliedExactlyAsPlanned() throws Exception {
    String current =
        "{\"baseUrl\":\"" + target.baseUrl() + "\",\"token\":\"" + target.token() + "\"}";
    String proposed =
        current.replace(
            "}",
            ",\"userMappings\":[{\"name\":\"40-title\",\"expression\":\"{\\\"title\\\": 'Engineer'}\"}]}");
    HttpResponse<String> put = send("PUT", "/api/v1/providers/crm", current);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    fleet.stores.directory().putUser(aUser("cy").named("Cy Young").build());
    await().atMost(PATIENCE).until(() -> state("cy", "crm").equals("provisioned"));

    HttpResponse<String> planned = send("POST", "/api/v1/providers/crm/plan", proposed);
    JsonNode plan = JSON.readTree(planned.body());
    assertThat(plan.at("/users/updates").asInt()).as(planned.body()).isEqualTo(1);
    assertThat(plan.at("/attributes/title").asInt()).isEqualTo(1);
    assertThat(plan.at("/samples/0/after/title").asText()).isEqualTo("Engineer");
    String planId = plan.path("planId").asText();
    assertThat(send("PUT", "/api/v1/providers/crm?ifPlan=" + planId, proposed).statusCode())
        .isEqualTo(200);
    assertThat(send("POST", "/api/v1/providers/crm/sync", "").statusCode()).isEqualTo(202);

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                target.users().stream()
                    .anyMatch(user -> user.path("title").asText().equals("Engineer")));
  }

  @Test
  void aUserNeitherInTheDirectoryNorInTheReceiptsIsNotFound() throws Exception {
    HttpResponse<String> answer = send("/api/v1/users/nobody/provisioning");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).contains("SCIM_RECEIPT_RETENTION_DAYS");
  }

  private Timer lag(String provider, String action) {
    Timer timer =
        fleet
            .meters
            .find(FleetMetrics.PROPAGATION)
            .tags("provider", provider, "action", action)
            .timer();
    return timer != null ? timer : fleet.meters.timer("none");
  }

  private Provider provider(String name, int deletionThreshold) {
    return aProvider(name)
        .at(target.baseUrl().toString())
        .withCredential(Credential.inline(target.token()))
        .withDeletionThreshold(deletionThreshold)
        .build();
  }

  private String state(String userId, String provider) throws IOException, InterruptedException {
    return target(userId, provider).path("state").asText();
  }

  private JsonNode target(String userId, String provider) throws IOException, InterruptedException {
    for (JsonNode target : provisioning(userId).path("targets"))
      if (target.path("provider").asText().equals(provider)) return target;
    return JSON.createObjectNode();
  }

  private JsonNode provisioning(String userId) throws IOException, InterruptedException {
    HttpResponse<String> answer = send("/api/v1/users/" + userId + "/provisioning");
    assertThat(answer.statusCode()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private List<JsonNode> ndjson(String path) throws IOException, InterruptedException {
    HttpResponse<String> answer = send(path);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
    return answer.body().lines().map(this::parse).toList();
  }

  private JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private HttpResponse<String> send(String path) throws IOException, InterruptedException {
    return send("GET", path, null);
  }

  private HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .header("Authorization", "Bearer " + ADMIN)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
