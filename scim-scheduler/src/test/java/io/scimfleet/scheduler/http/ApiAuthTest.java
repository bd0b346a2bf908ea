package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.scheduler.ControlPlane;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.testing.TestSecurity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiAuthTest {
  private final ApiFixture fixture = ApiFixture.inMemory();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void requestsPassNoServletSessionHandlerAndGetNoSessionCookie() throws Exception {
    assertThat(fixture.server.sessionHandler()).isInstanceOf(ApiServer.NoSessions.class);
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + fixture.server.port() + "/health/live"))
                    .header("Cookie", "JSESSIONID=node0abc")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /api/v1/openapi.json",
    "PUT, /api/v1/users/u1",
    "GET, /api/v1/users/u1",
    "DELETE, /api/v1/users/u1",
    "PUT, /api/v1/groups/g1",
    "GET, /api/v1/groups/g1",
    "DELETE, /api/v1/groups/g1",
    "PUT, /api/v1/groups/g1/members/u1",
    "DELETE, /api/v1/groups/g1/members/u1",
    "POST, /api/v1/import",
    "GET, /api/v1/providers",
    "PUT, /api/v1/providers/p",
    "GET, /api/v1/providers/p",
    "DELETE, /api/v1/providers/p",
    "POST, /api/v1/providers/p/sync",
    "GET, /api/v1/providers/p/status",
    "DELETE, /api/v1/providers/p/quarantine",
    "GET, /api/v1/providers/p/objects/users/u1",
    "POST, /api/v1/providers/p/preview",
    "POST, /api/v1/providers/p/deletions/release",
    "DELETE, /api/v1/providers/p/deletions",
    "GET, /api/v1/providers/p/objects/users/u1/history",
    "POST, /api/v1/providers/p/objects/users/u1/sync",
    "POST, /api/v1/providers/p/plan",
    "POST, /api/v1/providers/p/probe",
    "GET, /api/v1/providers/p/probe/00000000-0000-0000-0000-000000000000",
    "GET, /api/v1/users/u1/provisioning",
    "GET, /api/v1/receipts",
    "GET, /api/v1/sources",
    "PUT, /api/v1/sources/s",
    "GET, /api/v1/sources/s",
    "DELETE, /api/v1/sources/s",
    "GET, /api/v1/sources/s/status",
    "POST, /api/v1/sources/s/sync",
    "POST, /api/v1/sources/s/deletions/release",
    "DELETE, /api/v1/sources/s/deletions",
    "GET, /api/v1/unknown",
  })
  void everyApiRouteNeedsTheAdminToken(String method, String path) {
    String body =
        "{\"username\":\"ada\",\"name\":\"n\",\"baseUrl\":\"https://x.example\",\"tokenEnv\":\"SCIM_TARGET_T\"}";
    for (ApiClient client :
        new ApiClient[] {fixture.anonymous, fixture.api.withToken("wrong-token")}) {
      ApiClient.Answer answer =
          client.send(method, path, BodyPublishers.ofString(body), "application/json");

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.error()).contains("Authorization: Bearer");
    }
    assertThat(fixture.stores.directory().userCount()).isZero();
    assertThat(fixture.stores.providers().list()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "PUT, /api/v1/users/u1, 200", "GET, /api/v1/users/u1, 200", "PUT, /api/v1/groups/g1, 200",
    "PUT, /api/v1/groups/g1/members/u1, 200", "DELETE, /api/v1/groups/g1/members/u1, 204",
        "POST, /api/v1/import, 200",
  })
  void theDirectoryTokenOpensTheDirectoryRoutes(String method, String path, int status) {
    ApiClient directory = fixture.api.withToken(ApiFixture.DIRECTORY_TOKEN);
    directory.put("/api/v1/users/u1", "{\"username\":\"ada\"}");
    directory.put("/api/v1/groups/g1", "{\"name\":\"Eng\"}");
    directory.put("/api/v1/groups/g1/members/u1", "");
    String body =
        path.equals("/api/v1/import")
            ? "{\"type\":\"user\",\"id\":\"u2\",\"username\":\"alan\"}"
            : path.startsWith("/api/v1/groups/g1/")
                ? ""
                : path.contains("groups") ? "{\"name\":\"Eng\"}" : "{\"username\":\"ada\"}";

    String type = path.equals("/api/v1/import") ? "application/x-ndjson" : "application/json";
    ApiClient.Answer answer = directory.send(method, path, BodyPublishers.ofString(body), type);

    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /api/v1/providers",
    "PUT, /api/v1/providers/p",
    "POST, /api/v1/providers/p/sync",
    "DELETE, /api/v1/providers/p/quarantine",
    "POST, /api/v1/providers/p/preview",
    "GET, /api/v1/openapi.json",
    "GET, /api/v1/providers/p/objects/users/u1/history",
    "POST, /api/v1/providers/p/objects/users/u1/sync",
    "PUT, /api/v1/sources/s",
    "GET, /api/v1/sources/s/status",
    "GET, /api/v1/users/../providers",
    "GET, /api/v1/users/%2e%2e/providers",
    "GET, /api/v1/usersx",
  })
  void theDirectoryTokenOpensNothingElse(String method, String path) {
    String body = "{\"baseUrl\":\"https://x.example\",\"tokenEnv\":\"SCIM_TARGET_T\"}";
    ApiClient.Answer answer =
        fixture
            .api
            .withToken(ApiFixture.DIRECTORY_TOKEN)
            .send(method, path, BodyPublishers.ofString(body), "application/json");

    assertThat(answer.status()).isIn(400, 403, 404);
    assertThat(answer.status()).isNotEqualTo(200);
    assertThat(fixture.stores.providers().list()).isEmpty();
    assertThat(fixture.sources.list()).isEmpty();
  }

  @Test
  void theDirectoryTokenDoesNotOpenAUsersProvisioningReceipts() {
    fixture.api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");
    ApiClient directory = fixture.api.withToken(ApiFixture.DIRECTORY_TOKEN);

    assertThat(directory.get("/api/v1/users/u1").status()).isEqualTo(200);
    assertThat(directory.get("/api/v1/users/u1/provisioning").status()).isEqualTo(403);
    assertThat(directory.get("/api/v1/users/u1/provisioning/").status()).isEqualTo(403);
    assertThat(fixture.api.get("/api/v1/users/u1/provisioning").status()).isEqualTo(200);
  }

  @Test
  void theAdminTokenStillOpensEveryRoute() {
    assertThat(fixture.api.put("/api/v1/users/u1", "{\"username\":\"ada\"}").status())
        .isEqualTo(200);
    assertThat(
            fixture
                .api
                .put(
                    "/api/v1/providers/p",
                    "{\"baseUrl\":\"https://x.example\",\"tokenEnv\":\"SCIM_TARGET_T\"}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void onlyTheWholeTokenOpensNotAPrefixOrALongerOne() {
    String admin = ApiFixture.ADMIN_TOKEN;
    for (String token :
        new String[] {
          admin.substring(0, admin.length() - 1),
          admin + "x",
          admin.substring(0, admin.length() - 1) + "X",
          admin + admin,
          ApiFixture.DIRECTORY_TOKEN.substring(1)
        }) {
      assertThat(fixture.api.withToken(token).get("/api/v1/providers").status())
          .as(token)
          .isEqualTo(401);
    }
    assertThat(fixture.api.withToken(admin).get("/api/v1/providers").status()).isEqualTo(200);
  }

  @Test
  void aBearerSchemeInAnyCaseIsAccepted() {
    var answer =
        fixture.api.withToken(null).send("GET", "/api/v1/providers", BodyPublishers.noBody(), null);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(fixture.api.get("/api/v1/providers").status()).isEqualTo(200);
  }

  @Test
  void healthAndMetricsNeedNoToken() {
    assertThat(fixture.anonymous.get("/health/live").status()).isEqualTo(200);
    assertThat(fixture.anonymous.get("/health/ready").json().path("status").asText())
        .isEqualTo("up");
    ApiClient.Answer metrics = fixture.anonymous.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("# HELP");
  }

  @Test
  void theOpenApiDocumentDescribesTheRoutes() {
    ApiClient.Answer answer = fixture.api.get("/api/v1/openapi.json");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("openapi").asText()).startsWith("3.");
    assertThat(answer.json().path("paths").has("/api/v1/providers/{name}/preview")).isTrue();
    assertThat(answer.json().path("paths").has("/api/v1/sources/{name}/status")).isTrue();
    assertThat(answer.json().path("paths").has("/api/v1/providers/{name}/probe")).isTrue();
  }

  @Test
  void theApiRefusesToStartWithoutAnAdminToken() {
    ControlPlane plane = fixture.plane;
    assertThatThrownBy(
            () ->
                ApiServer.start(
                    plane,
                    new ProviderRegistry(
                        fixture.stores, plane.fullSyncs(), TestSecurity.settings()),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                    new ApiSettings(null, 1024, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCIM_ADMIN_TOKEN");
  }
}
