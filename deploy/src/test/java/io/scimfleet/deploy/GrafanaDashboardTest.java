package io.scimfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrafanaDashboardTest {

  static JsonNode dashboard() throws IOException {
    return Yaml.JSON.readTree(RepoFiles.DASHBOARD.toFile());
  }

  static List<JsonNode> targets(JsonNode dashboard) {
    List<JsonNode> targets = new ArrayList<>();
    dashboard.path("panels").forEach(p -> p.path("targets").forEach(targets::add));
    return targets;
  }

  @Test
  void hasADatasourceAndAProviderVariable() throws IOException {
    JsonNode variables = dashboard().at("/templating/list");
    assertThat(variables.findValuesAsText("name")).contains("datasource", "provider");
    for (JsonNode variable : variables) {
      if ("datasource".equals(variable.path("name").asText())) {
        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo("prometheus");
      }
      if ("provider".equals(variable.path("name").asText())) {
        assertThat(variable.path("includeAll").asBoolean()).isTrue();
        assertThat(variable.path("multi").asBoolean()).isTrue();
        assertThat(variable.at("/datasource/uid").asText()).isEqualTo("${datasource}");
      }
    }
  }

  @Test
  void hasThePanelsOperatorsNeed() throws IOException {
    String exprs =
        String.join("\n", targets(dashboard()).stream().map(t -> t.path("expr").asText()).toList());
    assertThat(exprs)
        .contains("max(jobrunr_jobs_enqueued)") // queue depth
        .contains("scim_pending_jobs")
        .contains("sum by (outcome) (rate(scim_sync_objects_total") // throughput by outcome
        .contains("histogram_quantile(0.50")
        .contains("histogram_quantile(0.95")
        .contains("scim_requests_seconds_bucket")
        .contains("status=~\"5xx|io_error\"")
        .contains("status=\"429\"")
        .contains("time() - max by (provider) (scim_full_sync_last_success_timestamp_seconds")
        .contains("scim_provider_quarantined")
        .contains("jvm_memory_used_bytes{area=\"heap\"}")
        .contains("jvm_memory_max_bytes{area=\"heap\"}")
        .contains("rate(jvm_gc_pause_seconds_sum")
        .contains("process_cpu_usage")
        .contains("jvm_threads_live_threads")
        .contains(
            "httpcomponents_httpclient_pool_total_connections{provider=~\"$provider\",state=\"leased\"}")
        .contains("httpcomponents_httpclient_pool_total_pending")
        .contains("sum by (resource, status) (rate(scim_inbound_requests_total")
        .contains("scim_inbound_request_duration_seconds_bucket")
        .contains(
            "histogram_quantile(0.99, sum by (provider, action, le) (rate(scim_propagation_seconds_bucket");
  }

  @Test
  void everyQueryReadsOnlyKnownMetricsThroughTheVariables() throws IOException {
    List<JsonNode> targets = targets(dashboard());
    assertThat(targets).hasSizeGreaterThan(10);
    for (JsonNode target : targets) {
      String expr = target.path("expr").asText();
      assertThat(PromQl.metricNames(expr)).as(expr).isNotEmpty().allMatch(PromQl::isKnown);
      assertThat(PromQl.jobStateGaugesAggregatedWithMax(expr))
          .as("JobRunr gauges need max: %s", expr)
          .isTrue();
      assertThat(target.at("/datasource/uid").asText()).as(expr).isEqualTo("${datasource}");
      if (expr.contains("scim_") && !expr.contains("scim_inbound_")) {
        assertThat(expr)
            .as("filtered by the provider variable")
            .contains("provider=~\"$provider\"");
      }
    }
  }

  @Test
  void everyQueryIsValidPromQl() throws IOException {
    Map<String, Object> rules = new LinkedHashMap<>();
    List<Map<String, String>> records = new ArrayList<>();
    for (JsonNode target : targets(dashboard())) {
      String expr =
          target.path("expr").asText().replace("$provider", ".*").replace("$__rate_interval", "5m");
      records.add(Map.of("record", "dashboard:query:" + records.size(), "expr", expr));
    }
    rules.put("groups", List.of(Map.of("name", "dashboard", "rules", records)));
    Path file = Files.createTempFile("dashboard-queries", ".yml");
    try {
      Yaml.YAML.writeValue(file.toFile(), rules);
      Promtool.Result result = Promtool.run(file.getParent(), "check", "rules", file.toString());
      assertThat(result.exitCode()).as(result.output()).isZero();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
