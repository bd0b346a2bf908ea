package io.scimfleet.model;

/** What the fleet does on a target to an object that left the directory or the provider's scope. */
public enum DeleteMode {
  /** {@code DELETE /Users/{id}}. */
  DELETE,
  /** {@code active=false}: the account stays, disabled (users only; groups are always deleted). */
  DEACTIVATE;

  public static DeleteMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "deleteMode must be 'delete' or 'deactivate', not '" + value + "'");
    }
  }
}
