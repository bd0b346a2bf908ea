package io.scimfleet.scheduler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.config.FleetSettings;
import io.scimfleet.scheduler.SchedulerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The all-in-one process in memory with a source from its SCIM_CONFIG file: read by the process's
 * runner into its directory, shown by the status route and /metrics, and read-only through the API.
 */
class SourceAllInOneTest {
  private static final String ADMIN_TOKEN = "test-admin-token-5f2c-9a0b-4c1d-8e2f";
  @TempDir Path dir;
  private LdapFixture ldap;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (ldap != null) ldap.close();
  }

  @Test
  void aSourceInTheConfigFileIsReadIntoTheDirectoryAndShownInStatusAndMetrics() throws Exception {
    ldap = new LdapFixture();
    ldap.person("ada", "mail: ada@example.org");
    Path password = Files.writeString(dir.resolve("ldap-password"), LdapFixture.PASSWORD);
    Path config =
        Files.writeString(
            dir.resolve("fleet.yaml"),
            """
            sources:
              - name: corp
                url: %s
                bindDn: %s
                bindPasswordFile: %s
                baseDn: %s
                pollSeconds: 1
            """
                .formatted(ldap.url(), LdapFixture.ADMIN, password, LdapFixture.BASE));
    FleetSettings settings =
        FleetSettings.fromEnv(
            Map.of(
                "SCIM_ADMIN_TOKEN",
                ADMIN_TOKEN,
                "SCIM_HTTP_PORT",
                "0",
                "SCIM_CONFIG",
                config.toString(),
                "SCIM_WORKER_THREADS",
                "2",
                "SCIM_SECRETS_DIR",
                dir.toString()));

    try (SchedulerProcess process =
        SchedulerProcess.start(settings, SchedulerProcess.Mode.ALL_IN_ONE)) {
      int port = process.apiPort();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> get(port, "/api/v1/sources/corp/status").contains("\"state\":\"ok\""));
      String id = ldap.entryUuid(LdapFixture.personDn("ada"));
      assertThat(process.stores().directory().user(id)).isPresent();
      assertThat(get(port, "/api/v1/sources/corp"))
          .contains("\"bindPassword\":\"file:")
          .doesNotContain(LdapFixture.PASSWORD);
      assertThat(get(port, "/metrics"))
          .contains("scim_source_objects{source=\"corp\",type=\"user\"} 1.0");
      HttpResponse<String> put =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users/" + id))
                  .header("Authorization", "Bearer " + ADMIN_TOKEN)
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"username\":\"eve\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).isEqualTo(409);
      assertThat(put.body()).contains("source 'corp'");
    }
  }

  private String get(int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
