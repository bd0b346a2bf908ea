package io.scimfleet.model;

/** Whether the fleet uses an optional SCIM feature (Bulk, ETags, password change) of a target. */
public enum FeatureUse {
  /** When the target's discovery announces it. */
  AUTO,
  /** Never, whatever discovery says. */
  OFF;

  public static FeatureUse parse(String field, String value) {
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
