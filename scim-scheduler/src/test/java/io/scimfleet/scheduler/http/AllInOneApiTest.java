package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.scheduler.SchedulerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The all-in-one process in memory: provider file applied at start-up, API, worker, a full sync end
 * to end, and its /metrics (JVM, process, connection pool; a deleted provider's series gone).
 */
class AllInOneApiTest {
  @TempDir Path dir;

  @Test
  void aFullSyncStartedOverTheApiRunsOnTheEmbeddedWorker() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("providers.yaml"),
            """
        providers:
          - name: preview
            baseUrl: https://scim.example.invalid/scim/v2
            tokenFile: %s
            dryRun: true
        """
                .formatted(Files.writeString(dir.resolve("token"), "file-token")));
    FleetSettings settings =
        FleetSettings.fromEnv(
            Map.of(
                "SCIM_ADMIN_TOKEN",
                ApiFixture.ADMIN_TOKEN,
                "SCIM_HTTP_PORT",
                "0",
                "SCIM_DASHBOARD_PORT",
                "0",
                "SCIM_CONFIG",
                config.toString(),
                "SCIM_WORKER_THREADS",
                "4",
                "SCIM_SECRETS_DIR",
                dir.toString()));

    try (SchedulerProcess process =
        SchedulerProcess.start(settings, SchedulerProcess.Mode.ALL_IN_ONE)) {
      ApiClient api = new ApiClient(process.apiPort(), ApiFixture.ADMIN_TOKEN);
      assertThat(api.get("/api/v1/providers/preview").json().path("credential").asText())
          .startsWith("file:");
      api.put("/api/v1/users/u1", "{\"username\":\"ada\"}");
      api.put("/api/v1/users/u2", "{\"username\":\"alan\"}");
      String runId = api.post("/api/v1/providers/preview/sync", "").json().path("runId").asText();

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  api.get("/api/v1/providers/preview/status")
                      .json()
                      .path("last")
                      .path("runId")
                      .asText()
                      .equals(runId));

      JsonNode last = api.get("/api/v1/providers/preview/status").json().path("last");
      assertThat(last.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(last.path("counts").path("created").asLong()).isEqualTo(2);
      assertThat(api.get("/metrics").body())
          .contains(
              "jvm_memory_used_bytes{",
              "jvm_threads_live_threads ",
              "process_cpu_usage ",
              "process_uptime_seconds ",
              "scim_pending_jobs{provider=\"preview\"}",
              "httpcomponents_httpclient_pool_total_connections{httpclient=\"preview\",provider=\"preview\",state=\"leased\"}",
              "executor_active_threads{name=\"scim.page.sync\"}",
              "executor_queued_tasks{name=\"jobrunr.workers\"}");

      assertThat(api.delete("/api/v1/providers/preview").status()).isEqualTo(204);
      assertThat(api.get("/metrics").body())
          .doesNotContain("provider=\"preview\"")
          .contains("jvm_memory_used_bytes{");
    }
  }

  @Test
  void anObjectWhoseMappingNeverEndsFailsAloneAndTheRestOfThePageSyncs() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("providers.yaml"),
            """
        providers:
          - name: preview
            baseUrl: https://scim.example.invalid/scim/v2
            tokenFile: %s
            dryRun: true
            userMappings:
              - name: 90-endless-for-eve
                expression: 'username = "eve" ? ($f := function($x){ $f($x) }; $f(1)) : {"title": "ok"}'
        """
                .formatted(Files.writeString(dir.resolve("token"), "file-token")));
    FleetSettings settings =
        FleetSettings.fromEnv(
            Map.of(
                "SCIM_ADMIN_TOKEN",
                ApiFixture.ADMIN_TOKEN,
                "SCIM_HTTP_PORT",
                "0",
                "SCIM_DASHBOARD_PORT",
                "0",
                "SCIM_CONFIG",
                config.toString(),
                "SCIM_WORKER_THREADS",
                "4",
                "SCIM_SECRETS_DIR",
                dir.toString()));

    try (SchedulerProcess process =
        SchedulerProcess.start(settings, SchedulerProcess.Mode.ALL_IN_ONE)) {
      ApiClient api = new ApiClient(process.apiPort(), ApiFixture.ADMIN_TOKEN);
      for (String name : new String[] {"ada", "eve", "alan"})
        api.put("/api/v1/users/" + name, "{\"username\":\"" + name + "\"}");
      String runId = api.post("/api/v1/providers/preview/sync", "").json().path("runId").asText();

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  api.get("/api/v1/providers/preview/status")
                      .json()
                      .path("last")
                      .path("runId")
                      .asText()
                      .equals(runId));

      JsonNode counts =
          api.get("/api/v1/providers/preview/status").json().path("last").path("counts");
      assertThat(counts.path("created").asLong()).isEqualTo(2);
      assertThat(counts.path("failed").asLong()).isEqualTo(1);
      assertThat(
              api.get("/api/v1/providers/preview/objects/users/eve")
                  .json()
                  .path("lastError")
                  .asText())
          .contains("mapping '90-endless-for-eve'", "time limit");
    }
  }
}
