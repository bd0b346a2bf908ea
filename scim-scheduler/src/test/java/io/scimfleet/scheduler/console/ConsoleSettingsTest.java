package io.scimfleet.scheduler.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {
  @Test
  void defaultsAreThirtyMinutesAndACookieSecureOnlyOverHttps() {
    assertThat(ConsoleSettings.fromEnv(Map.of()))
        .isEqualTo(new ConsoleSettings(Duration.ofMinutes(30), false));
  }

  @Test
  void theEnvironmentSetsBoth() {
    assertThat(
            ConsoleSettings.fromEnv(
                Map.of("SCIM_UI_SESSION_MINUTES", "5", "SCIM_UI_SECURE_COOKIE", "true")))
        .isEqualTo(new ConsoleSettings(Duration.ofMinutes(5), true));
  }

  @Test
  void badValuesSayWhatIsExpected() {
    assertThatThrownBy(() -> ConsoleSettings.fromEnv(Map.of("SCIM_UI_SESSION_MINUTES", "half")))
        .hasMessageContaining("SCIM_UI_SESSION_MINUTES must be a whole number of minutes");
    assertThatThrownBy(() -> ConsoleSettings.fromEnv(Map.of("SCIM_UI_SESSION_MINUTES", "0")))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> ConsoleSettings.fromEnv(Map.of("SCIM_UI_SECURE_COOKIE", "yes")))
        .hasMessageContaining("SCIM_UI_SECURE_COOKIE must be true or false");
  }
}
