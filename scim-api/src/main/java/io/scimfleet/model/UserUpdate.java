package io.scimfleet.model;

/** How the fleet updates a user that is already on the target. */
public enum UserUpdate {
  /** PATCH when the target's discovery announces it, PUT otherwise. */
  AUTO,
  /** Always PATCH: one {@code replace} per attribute, whatever discovery says. */
  PATCH,
  /** Always PUT: the whole mapped resource, with its {@code id}, replaces the one on the target. */
  PUT;

  public static UserUpdate parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "userUpdate must be 'auto', 'patch' or 'put', not '" + value + "'");
    }
  }
}
