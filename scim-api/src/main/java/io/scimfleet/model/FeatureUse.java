package io.scimfleet.model;

/** Whether the fleet uses an optional SCIM feature (Bulk, ETags, password change) of a target. */
public enum FeatureUse {
  /** When the target's discovery announces it. */
  AUTO,
  /** Never, whatever discovery says. */
  OFF;

  /**
   * {@code auto} or {@code off}; {@code false} too, which is what YAML 1.1 makes of an unquoted
   * {@code off}.
   */
  public static FeatureUse parse(String field, String value) {
    if (value != null && value.trim().equalsIgnoreCase("false")) return OFF;
    try {
      return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + " must be 'auto' or 'off', not '" + value + "'");
    }
  }

  public boolean allows(boolean announced) {
    return this == AUTO && announced;
  }
}
