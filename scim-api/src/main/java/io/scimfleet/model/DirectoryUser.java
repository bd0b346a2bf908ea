package io.scimfleet.model;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user as the fleet's directory holds it. Only {@code id} and {@code username} are required;
 * {@code attributes} is free-form (for example {@code givenName}, {@code familyName}, {@code
 * department}) and reaches the mappings as is.
 */
public record DirectoryUser(
    String id,
    String username,
    @Nullable String name,
    @Nullable String email,
    boolean active,
    Map<String, Object> attributes) {

  public DirectoryUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public static DirectoryUser of(String id, String username) {
    return new DirectoryUser(id, username, null, null, true, Map.of());
  }
}
