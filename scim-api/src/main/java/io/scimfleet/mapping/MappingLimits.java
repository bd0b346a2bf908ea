package io.scimfleet.mapping;

import io.scimfleet.config.EnvNumbers;
import java.time.Duration;
import java.util.Map;

/**
 * The bounds every JSONata evaluation (mappings and scope filters) runs within. The defaults are
 * far above what an honest mapping needs; an expression that reaches one fails with a {@link
 * MappingLimitException}. Read once from the environment of the process ({@code
 * SCIM_MAPPING_TIMEOUT_MS}, {@code SCIM_MAPPING_MAX_DEPTH}, {@code SCIM_MAPPING_MAX_STRING}, {@code
 * SCIM_MAPPING_MAX_ARRAY}); tests may replace them with {@link #use}.
 *
 * @param timeout wall-clock time of one evaluation
 * @param maxDepth nesting of evaluation steps (recursion)
 * @param maxStringLength characters in any string an evaluation step produces
 * @param maxArrayLength elements in any array an evaluation step produces
 */
public record MappingLimits(
    Duration timeout, int maxDepth, int maxStringLength, int maxArrayLength) {
  private static volatile MappingLimits current = fromEnv(System.getenv());

  public MappingLimits {
    if (timeout.isNegative() || timeout.isZero())
      throw new IllegalArgumentException("mapping timeout must be positive");
    if (maxDepth < 1 || maxStringLength < 1 || maxArrayLength < 1) {
      throw new IllegalArgumentException("mapping limits must be at least 1");
    }
  }

  public static MappingLimits defaults() {
    return new MappingLimits(Duration.ofSeconds(1), 200, 65_536, 10_000);
  }

  public static MappingLimits fromEnv(Map<String, String> env) {
    MappingLimits d = defaults();
    return new MappingLimits(
        Duration.ofMillis(
            EnvNumbers.wholeNumber(env, "SCIM_MAPPING_TIMEOUT_MS", d.timeout().toMillis())),
        EnvNumbers.wholeInt(env, "SCIM_MAPPING_MAX_DEPTH", d.maxDepth()),
        EnvNumbers.wholeInt(env, "SCIM_MAPPING_MAX_STRING", d.maxStringLength()),
        EnvNumbers.wholeInt(env, "SCIM_MAPPING_MAX_ARRAY", d.maxArrayLength()));
  }

  /** The limits evaluations use now. */
  public static MappingLimits current() {
    return current;
  }

  /** Replaces the limits for every later evaluation in this JVM. */
  public static void use(MappingLimits limits) {
    current = limits;
  }
}
