package io.scimfleet.scheduler.console;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the admin console keeps its sessions.
 *
 * @param sessionIdle a session unused this long is over ({@code SCIM_UI_SESSION_MINUTES}, 30)
 * @param secureCookie the session cookie is {@code Secure} even on plain HTTP ({@code
 *     SCIM_UI_SECURE_COOKIE=true}: TLS ends at a proxy); over HTTPS it always is
 */
public record ConsoleSettings(Duration sessionIdle, boolean secureCookie) {
  public static final int DEFAULT_SESSION_MINUTES = 30;

  public ConsoleSettings {
    if (sessionIdle.isNegative() || sessionIdle.isZero())
      throw new IllegalArgumentException("SCIM_UI_SESSION_MINUTES must be positive");
  }

  public static ConsoleSettings defaults() {
    return new ConsoleSettings(Duration.ofMinutes(DEFAULT_SESSION_MINUTES), false);
  }

  public static ConsoleSettings fromEnv(Map<String, String> env) {
    return new ConsoleSettings(
        Duration.ofMinutes(minutes(env.get("SCIM_UI_SESSION_MINUTES"))),
        flag(env.get("SCIM_UI_SECURE_COOKIE")));
  }

  private static long minutes(@Nullable String value) {
    if (value == null || value.isBlank()) return DEFAULT_SESSION_MINUTES;
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "SCIM_UI_SESSION_MINUTES must be a whole number of minutes, not '" + value + "'", e);
    }
  }

  private static boolean flag(@Nullable String value) {
    if (value == null || value.isBlank()) return false;
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "SCIM_UI_SECURE_COOKIE must be true or false, not '" + value + "'");
    };
  }
}
