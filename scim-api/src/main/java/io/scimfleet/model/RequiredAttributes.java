package io.scimfleet.model;

import java.util.List;

/**
 * Attributes (top-level names or {@code parent.sub} paths) that every payload of a type must carry
 * before it is sent: a user or group without one fails with a message naming it, and no request
 * goes out.
 */
public record RequiredAttributes(List<String> users, List<String> groups) {
  public static final RequiredAttributes NONE = new RequiredAttributes(List.of(), List.of());

  public RequiredAttributes {
    users = checked("requiredAttributes.users", users);
    groups = checked("requiredAttributes.groups", groups);
  }

  public static RequiredAttributes users(String... paths) {
    return new RequiredAttributes(List.of(paths), List.of());
  }

  public RequiredAttributes andGroups(String... paths) {
    return new RequiredAttributes(users, List.of(paths));
  }

  public List<String> of(ObjectType type) {
    return type == ObjectType.USER ? users : groups;
  }

  private static List<String> checked(String field, List<String> paths) {
    if (paths == null) return List.of();
    for (String path : paths) {
      if (path == null || path.isBlank() || path.startsWith(".") || path.endsWith(".")) {
        throw new IllegalArgumentException(
            field
                + " must be attribute names such as externalId or name.familyName, not '"
                + path
                + "'");
      }
    }
    return List.copyOf(paths);
  }
}
