package io.scimfleet.model;

/** Whether a plain full sync reads what the target holds of the fleet's objects and repairs hand edits. */
public enum DriftCheck {
  /** List the target's objects (or read them by id where listing is refused) and repair every difference. */
  FULL,
  /** Trust the sync states: an object whose payload is unchanged costs no request. */
  OFF;

  public static DriftCheck parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("driftCheck must be 'full' or 'off', not '" + value + "'");
    }
  }
}
