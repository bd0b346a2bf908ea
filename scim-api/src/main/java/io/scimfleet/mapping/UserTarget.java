package io.scimfleet.mapping;

import io.scimfleet.model.DirectoryUser;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a user's mappings learn of the target they map for: the schema extensions its User resource
 * type announces, and the user's manager when the manager is on that target (its remote id there).
 *
 * @param manager null when the user has no manager, or the manager is not on the target
 */
public record UserTarget(Set<String> schemaExtensions, @Nullable Manager manager) {
  public UserTarget {
    schemaExtensions = Set.copyOf(schemaExtensions);
  }

  /** A user's manager known to the target: its directory id and its id on the target. */
  public record Manager(String id, String remoteId) {}

  /** The same target, with the user's manager on it. */
  public UserTarget withManager(Manager manager) {
    return new UserTarget(schemaExtensions, manager);
  }

  /**
   * The directory id of the user's manager: {@code attributes.manager} when it is a non-blank
   * string other than the user's own id; null otherwise.
   */
  public static @Nullable String managerId(DirectoryUser user) {
    return user.attributes().get("manager") instanceof String id
            && !id.isBlank()
            && !id.equals(user.id())
        ? id
        : null;
  }
}
