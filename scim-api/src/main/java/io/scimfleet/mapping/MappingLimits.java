package io.scimfleet.mapping;

import java.time.Duration;

/**
 * The bounds every JSONata evaluation (mappings and scope filters) runs within. The defaults are
 * far above what an honest mapping needs; an expression that reaches one fails with a {@link
 * MappingLimitException}. A process reads them once, at start ({@code
 * FleetSettings.mappingLimits()}: {@code SCIM_MAPPING_TIMEOUT_MS}, {@code SCIM_MAPPING_MAX_DEPTH},
 * {@code SCIM_MAPPING_MAX_STRING}, {@code SCIM_MAPPING_MAX_ARRAY}), and hands them to every compile
 * ({@link ProviderMappings}, {@link Mappings#compile(java.util.List, MappingLimits)}, {@link
 * ScopeFilter#compile(String, MappingLimits)}).
 *
 * @param timeout wall-clock time of one evaluation
 * @param maxDepth nesting of evaluation steps (recursion)
 * @param maxStringLength characters in any string an evaluation step produces
 * @param maxArrayLength elements in any array an evaluation step produces
 */
public record MappingLimits(
    Duration timeout, int maxDepth, int maxStringLength, int maxArrayLength) {
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
}
