package io.scimfleet.worker;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.metrics.ProcessMetrics;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.handler.PageRunner;
import io.scimfleet.worker.pipeline.ProviderContexts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worker's /metrics carries our metrics, JobRunr's, and the JVM, process, connection pool and
 * page pool series, and passes {@code promtool check metrics}.
 */
class MetricsEndpointTest {

  @Test
  void metricsEndpointServesEveryFleetMetricInAFormPromtoolAccepts() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    FleetMetrics metrics = new FleetMetrics(registry);
    metrics.objectSynced("slack", ObjectType.USER, SyncOutcome.CREATED);
    metrics.request("slack", "POST", 201, Duration.ofMillis(40));
    metrics.request("slack", "PATCH", 429, Duration.ofMillis(5));
    metrics.retry("slack");
    metrics.rateLimitWait("slack", Duration.ofSeconds(2));
    metrics.fullSyncFinished(
        "slack", "succeeded", Duration.ofMinutes(3), Instant.ofEpochSecond(1_700_000_000));
    metrics.fullSyncInterval("slack", Duration.ofHours(1));
    metrics.propagated("slack", "deprovision", Duration.ofSeconds(42));
    metrics.lockLostWrite("slack", ObjectType.GROUP);
    try (JobRunrFleet jobs = JobRunrFleet.inMemory();
        MetricsServer server = new MetricsServer(0, registry, () -> true)) {
      jobs.bindMetrics(registry);
      String body = get("http://127.0.0.1:" + server.port() + "/metrics");

      assertThat(body)
          .contains(
              "scim_sync_objects_total{",
              "scim_requests_seconds_bucket{",
              "status=\"429\"",
              "scim_retries_total{",
              "scim_rate_limit_wait_seconds_total{",
              "scim_full_sync_runs_total{",
              "scim_full_sync_last_success_timestamp_seconds{provider=\"slack\"} 1.7E9",
              "scim_full_sync_interval_seconds{provider=\"slack\"} 3600",
              "scim_propagation_seconds_bucket{action=\"deprovision\",provider=\"slack\",le=\"300.0\"} 1",
              "scim_lock_lost_writes_total{provider=\"slack\",type=\"group\"} 1",
              "jobrunr_jobs_enqueued");
      assertThat(promtoolCheck(body)).isEmpty();
      assertThat(get("http://127.0.0.1:" + server.port() + "/health/live")).contains("up");
    }
  }

  @Test
  void aWorkersMetricsShowItsJvmProcessConnectionPoolAndPagePoolAndForgetADeletedProvider()
      throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    FleetMetrics metrics = new FleetMetrics(registry);
    Stores stores = Stores.inMemory();
    stores.providers().put(aProvider("slack").build());
    try (ProcessMetrics process = ProcessMetrics.boundTo(registry);
        ProviderContexts contexts =
            new ProviderContexts(
                stores.providers(),
                metrics,
                RateLimiter.local(),
                TestSecurity.settings(),
                stores.directory());
        PageRunner pages = new PageRunner(null, metrics, 2, Pacing.defaults(2));
        JobRunrFleet jobs = JobRunrFleet.inMemory();
        MetricsServer server = new MetricsServer(0, registry, () -> true)) {
      jobs.startServer(
          Map.of(),
          new JobServerSettings(2, Duration.ofSeconds(5), Duration.ofSeconds(1), "metrics-test"));
      jobs.bindMetrics(registry);
      String url = "http://127.0.0.1:" + server.port() + "/metrics";
      assertThat(contexts.get("slack")).isPresent();
      metrics.retry("slack");
      System.gc(); // a pause for jvm_gc_pause_seconds, which appears with the first GC
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(get(url)).contains("jvm_gc_pause_seconds_count{"));

      String body = get(url);
      assertThat(body)
          .contains(
              "jvm_memory_used_bytes{",
              "jvm_memory_max_bytes{",
              "jvm_threads_live_threads ",
              "jvm_classes_loaded_classes ",
              "process_cpu_usage ",
              "process_uptime_seconds ",
              "process_files_open_files ",
              "httpcomponents_httpclient_pool_total_connections{httpclient=\"slack\",provider=\"slack\",state=\"leased\"}",
              "httpcomponents_httpclient_pool_total_pending{",
              "httpcomponents_httpclient_pool_total_max{",
              "executor_active_threads{name=\"" + FleetMetrics.PAGE_POOL + "\"}",
              "executor_active_threads{name=\"jobrunr.workers\"}",
              "executor_queued_tasks{");
      assertThat(promtoolCheck(body)).isEmpty();

      stores.providers().delete("slack");
      assertThat(contexts.get("slack")).isEmpty();
      assertThat(get(url)).doesNotContain("provider=\"slack\"").contains("jvm_memory_used_bytes{");
    }
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /**
   * What promtool finds wrong with the exposition; it must be installed (Debian's prometheus
   * package).
   */
  private static String promtoolCheck(String exposition) throws IOException, InterruptedException {
    Process promtool;
    try {
      promtool =
          new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("promtool is missing: apt-get install -y prometheus", e);
    }
    try (OutputStream in = promtool.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String findings =
        new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(promtool.waitFor()).as(findings).isZero();
    return findings;
  }
}
