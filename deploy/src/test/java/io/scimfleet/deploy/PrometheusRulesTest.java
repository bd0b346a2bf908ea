package io.scimfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class PrometheusRulesTest {

  static final Set<String> REQUIRED_ALERTS =
      Set.of(
          "ScimBacklogGrowing",
          "ScimFailedJobsRising",
          "ScimTargetServerErrors",
          "ScimTargetRateLimited",
          "ScimNoWorkers",
          "ScimFullSyncStale",
          "ScimProviderQuarantined",
          "ScimDeletionsHeld",
          "ScimDeprovisioningSlow",
          "ScimSourceFailing",
          "ScimChangesDropped");

  @Test
  void promtoolAcceptsTheRules() {
    Promtool.Result result =
        Promtool.run(RepoFiles.RULES.getParent(), "check", "rules", "rules.yml");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void promtoolUnitTestsOfEveryAlertPass() {
    Promtool.Result result =
        Promtool.run(RepoFiles.RULES_TEST.getParent(), "test", "rules", "rules.test.yml");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void theRequiredAlertsExistWithSeveritySummaryDescriptionAndRunbook() {
    List<JsonNode> alerts = alerts();
    assertThat(alerts)
        .extracting(a -> a.path("alert").asText())
        .containsExactlyInAnyOrderElementsOf(REQUIRED_ALERTS);
    for (JsonNode alert : alerts) {
      String name = alert.path("alert").asText();
      assertThat(alert.at("/labels/severity").asText())
          .as("%s severity", name)
          .isIn("warning", "critical");
      assertThat(alert.at("/annotations/summary").asText()).as("%s summary", name).isNotBlank();
      assertThat(alert.at("/annotations/description").asText())
          .as("%s description", name)
          .isNotBlank();
      assertThat(alert.at("/annotations/runbook_url").asText())
          .as("%s runbook_url", name)
          .isEqualTo("docs/runbooks.md#" + name.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void everyRunbookUrlPointsAtAHeadingOfTheRunbooks() {
    Set<String> anchors =
        Pattern.compile("(?m)^#{1,6}\\s+(.+)$")
            .matcher(RepoFiles.read(RepoFiles.RUNBOOKS))
            .results()
            .map(m -> githubAnchor(m.group(1)))
            .collect(Collectors.toSet());
    for (JsonNode alert : alerts()) {
      String url = alert.at("/annotations/runbook_url").asText();
      assertThat(anchors)
          .as("anchor of %s in docs/runbooks.md", url)
          .contains(url.substring(url.indexOf('#') + 1));
    }
  }

  @Test
  void everyAlertHasAFiringAndANotFiringUnitTest() {
    JsonNode tests = Yaml.parse(RepoFiles.read(RepoFiles.RULES_TEST)).path("tests");
    List<JsonNode> cases = new ArrayList<>();
    tests.forEach(t -> t.path("alert_rule_test").forEach(cases::add));
    for (String alert : REQUIRED_ALERTS) {
      List<JsonNode> ofAlert =
          cases.stream().filter(c -> alert.equals(c.path("alertname").asText())).toList();
      assertThat(ofAlert)
          .as("%s: a case where it fires", alert)
          .anyMatch(c -> c.path("exp_alerts").size() > 0);
      assertThat(ofAlert)
          .as("%s: a case where it does not fire", alert)
          .anyMatch(c -> c.path("exp_alerts").isEmpty());
    }
  }

  @Test
  void rulesReadOnlyKnownMetricsAndTakeTheMaxOfJobRunrsGlobalGauges() {
    for (JsonNode alert : alerts()) {
      String expr = alert.path("expr").asText();
      assertThat(PromQl.metricNames(expr))
          .as(alert.path("alert").asText())
          .isNotEmpty()
          .allMatch(PromQl::isKnown);
      assertThat(PromQl.jobStateGaugesAggregatedWithMax(expr))
          .as("%s: %s", alert.path("alert").asText(), expr)
          .isTrue();
    }
  }

  static List<JsonNode> alerts() {
    JsonNode groups = Yaml.parse(RepoFiles.read(RepoFiles.RULES)).path("groups");
    return StreamSupport.stream(groups.spliterator(), false)
        .flatMap(g -> StreamSupport.stream(g.path("rules").spliterator(), false))
        .filter(r -> r.has("alert"))
        .toList();
  }

  /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
  static String githubAnchor(String heading) {
    return heading
        .trim()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }
}
