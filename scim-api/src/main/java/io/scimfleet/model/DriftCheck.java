package io.scimfleet.model;

/**
 * Whether a plain full sync reads what the target holds of the fleet's objects and repairs hand
 * edits.
 */
public enum DriftCheck {
  /**
   * List the target's objects (or read them by id where listing is refused) and repair every
   * difference.
   */
  FULL,
  /** Trust the sync states: an object whose payload is unchanged costs no request. */
  OFF;

  /**
   * {@code full} or {@code off}; also {@code false} and {@code true}, which YAML 1.1 makes of a
   * bare off and on.
   */
  public static DriftCheck parse(String value) {
    String text = value.trim().toUpperCase(java.util.Locale.ROOT);
    if (text.equals("FALSE")) return OFF;
    if (text.equals("TRUE")) return FULL;
    try {
      return valueOf(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("driftCheck must be 'full' or 'off', not '" + value + "'");
    }
  }
}
