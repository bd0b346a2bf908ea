package io.scimfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Helm cannot read outside the chart, so the chart ships copies of the rules and the dashboard. The
 * sources are deploy/prometheus/rules.yml and deploy/grafana/scim-fleet-dashboard.json; after
 * editing one, copy it: {@code cp deploy/prometheus/rules.yml
 * deploy/helm/scim-fleet/files/prometheus-rules.yml} and {@code cp
 * deploy/grafana/scim-fleet-dashboard.json deploy/helm/scim-fleet/files/}.
 */
class SingleSourceTest {

  @Test
  void chartRulesAreACopyOfTheRulesFile() {
    assertSameBytes(RepoFiles.CHART.resolve("files/prometheus-rules.yml"), RepoFiles.RULES);
  }

  @Test
  void chartDashboardIsACopyOfTheDashboard() {
    assertSameBytes(
        RepoFiles.CHART.resolve("files/scim-fleet-dashboard.json"), RepoFiles.DASHBOARD);
  }

  static void assertSameBytes(Path copy, Path source) {
    assertThat(RepoFiles.read(copy))
        .as(
            "%s must equal %s: run cp %s %s",
            RepoFiles.ROOT.relativize(copy),
            RepoFiles.ROOT.relativize(source),
            RepoFiles.ROOT.relativize(source),
            RepoFiles.ROOT.relativize(copy))
        .isEqualTo(RepoFiles.read(source));
  }
}
