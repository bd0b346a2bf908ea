package io.scimfleet.model;

/** How groups nested in a group reach the target. */
public enum NestedGroups {
  /** Each target group gets the users of its whole subtree as members; no group is a member. */
  FLATTEN,
  /**
   * Child groups are sent as members of {@code "type": "Group"}; users only in their own groups.
   */
  NATIVE;

  public static NestedGroups parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "nestedGroups must be 'flatten' or 'native', not '" + value + "'");
    }
  }
}
