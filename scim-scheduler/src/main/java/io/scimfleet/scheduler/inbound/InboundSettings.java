package io.scimfleet.scheduler.inbound;

import io.scimfleet.scheduler.TokenRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The inbound SCIM endpoint's settings. {@link #toString()} shows no token.
 *
 * @param tokens the bearer tokens accepted on {@code /scim/v2} ({@code SCIM_INBOUND_TOKEN} or
 *     {@code SCIM_INBOUND_TOKEN_FILE}, comma-separated for rotation); empty: the endpoint is off
 * @param requestsPerSecond per token ({@code SCIM_INBOUND_RATE}); beyond it 429 with Retry-After
 * @param maxResults the largest {@code count} of one list page ({@code SCIM_INBOUND_MAX_RESULTS})
 */
public record InboundSettings(List<String> tokens, int requestsPerSecond, int maxResults) {
  /** How to turn the endpoint on, for the log line of a scheduler that starts without it. */
  public static final String HOW_TO_ENABLE =
      "the inbound SCIM endpoint /scim/v2 is off: set SCIM_INBOUND_TOKEN (or "
          + "SCIM_INBOUND_TOKEN_FILE) to a long random value and give it to your identity provider";

  public static final int DEFAULT_RATE = 100;
  public static final int DEFAULT_MAX_RESULTS = 200;

  public InboundSettings {
    tokens = List.copyOf(tokens);
    if (requestsPerSecond <= 0)
      throw new IllegalArgumentException("SCIM_INBOUND_RATE must be positive");
    if (maxResults <= 0)
      throw new IllegalArgumentException("SCIM_INBOUND_MAX_RESULTS must be positive");
  }

  /** The endpoint off. */
  public static InboundSettings off() {
    return new InboundSettings(List.of(), DEFAULT_RATE, DEFAULT_MAX_RESULTS);
  }

  /** The endpoint on, accepting these tokens, with the default limits. */
  public static InboundSettings withTokens(String... tokens) {
    return new InboundSettings(List.of(tokens), DEFAULT_RATE, DEFAULT_MAX_RESULTS);
  }

  public InboundSettings withRate(int value) {
    return new InboundSettings(tokens, value, maxResults);
  }

  public boolean enabled() {
    return !tokens.isEmpty();
  }

  /**
   * The settings the environment gives; tokens the admin or directory token also uses are refused.
   */
  public static InboundSettings fromEnv(Map<String, String> env) {
    String inline = present(env.get("SCIM_INBOUND_TOKEN"));
    String file = present(env.get("SCIM_INBOUND_TOKEN_FILE"));
    if (inline != null && file != null)
      throw new IllegalArgumentException(
          "set SCIM_INBOUND_TOKEN or SCIM_INBOUND_TOKEN_FILE, not both");
    List<String> tokens = split(file != null ? read(file) : inline);
    tokens.forEach(token -> TokenRules.requireLongEnough("SCIM_INBOUND_TOKEN", token));
    for (String other : List.of("SCIM_ADMIN_TOKEN", "SCIM_DIRECTORY_TOKEN")) {
      String taken = present(env.get(other));
      if (taken != null && tokens.contains(taken.strip()))
        throw new IllegalArgumentException("SCIM_INBOUND_TOKEN must differ from " + other);
    }
    return new InboundSettings(
        tokens,
        number(env, "SCIM_INBOUND_RATE", DEFAULT_RATE),
        number(env, "SCIM_INBOUND_MAX_RESULTS", DEFAULT_MAX_RESULTS));
  }

  private static List<String> split(@Nullable String value) {
    String given = present(value);
    if (given == null) return List.of();
    return Arrays.stream(given.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SCIM_INBOUND_TOKEN_FILE " + file, e);
    }
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String value = present(env.get(name));
    if (value == null) return fallback;
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
  }

  /** The value when it says something, else null (unset or blank). */
  private static @Nullable String present(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "InboundSettings[tokens="
        + tokens.size()
        + ", requestsPerSecond="
        + requestsPerSecond
        + ", maxResults="
        + maxResults
        + "]";
  }
}
