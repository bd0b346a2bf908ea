package io.scimfleet.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.scheduler.console.ConsoleSettings;
import io.scimfleet.scheduler.inbound.InboundSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedulerSettingsTest {
  @Test
  void withoutVariablesTheSchedulerServesNoDashboardNoInboundEndpointAndDefaultSessions() {
    SchedulerSettings settings = SchedulerSettings.fromEnv(Map.of());

    assertThat(settings.dashboard()).isNull();
    assertThat(settings.inbound()).isEqualTo(InboundSettings.off());
    assertThat(settings.console()).isEqualTo(ConsoleSettings.defaults());
    assertThat(settings.fleet().httpPort()).isEqualTo(8080);
  }

  @Test
  void theSchedulersOwnVariablesAreReadWithTheSharedOnes() {
    SchedulerSettings settings =
        SchedulerSettings.fromEnv(
            Map.of(
                "SCIM_DASHBOARD_USER", "ops",
                "SCIM_DASHBOARD_PASSWORD", "dashboard-secret",
                "SCIM_UI_SESSION_MINUTES", "5",
                "SCIM_MAPPING_MAX_DEPTH", "20"));

    assertThat(settings.dashboard()).isNotNull();
    assertThat(settings.dashboard().user()).isEqualTo("ops");
    assertThat(settings.console().sessionIdle()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.fleet().mappingLimits().maxDepth()).isEqualTo(20);
  }

  /** A value refused at start ends the process with exit code 2 and says which and why. */
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SCIM_MAPPING_MAX_DEPTH    | deep | SCIM_MAPPING_MAX_DEPTH must be a whole number, not 'deep'",
        "SCIM_ADAPTIVE_CONCURRENCY | yes  | SCIM_ADAPTIVE_CONCURRENCY must be on or off, not 'yes'",
        "SCIM_UI_SESSION_MINUTES   | half | SCIM_UI_SESSION_MINUTES must be a whole number of minutes, not 'half'",
      })
  void theSchedulerRefusesToStartOnABadValueNamingTheVariable(
      String name, String value, String message) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        SchedulerMain.run(
            new String[] {"--all-in-one"},
            Map.of(name, value),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("scim-scheduler: " + message + "\n");
  }
}
