package io.scimfleet.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The attribute by which the fleet finds an object that already exists on the target: after a 409
 * on create, and before a create when the provider adopts existing objects.
 *
 * @param users {@code userName} (default), {@code externalId} or {@code emails.primary}
 * @param groups {@code displayName} (default) or {@code externalId}
 */
public record MatchOn(String users, String groups) {
  public static final List<String> USER_ATTRIBUTES =
      List.of("userName", "externalId", "emails.primary");
  public static final List<String> GROUP_ATTRIBUTES = List.of("displayName", "externalId");
  public static final MatchOn DEFAULT =
      new MatchOn(USER_ATTRIBUTES.get(0), GROUP_ATTRIBUTES.get(0));

  public MatchOn {
    users = checked("matchOn.users", users, USER_ATTRIBUTES);
    groups = checked("matchOn.groups", groups, GROUP_ATTRIBUTES);
  }

  public String of(ObjectType type) {
    return type == ObjectType.USER ? users : groups;
  }

  private static String checked(String field, @Nullable String value, List<String> allowed) {
    if (value == null || value.isBlank()) return allowed.get(0);
    for (String attribute : allowed) {
      if (attribute.equalsIgnoreCase(value.trim())) return attribute;
    }
    throw new IllegalArgumentException(
        field + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
  }
}
