package io.scimfleet.model;

import java.util.Map;
import java.util.Objects;

/** A group as the fleet's directory holds it; its members are kept apart, as memberships. */
public record DirectoryGroup(String id, String name, Map<String, Object> attributes) {

  public DirectoryGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public static DirectoryGroup of(String id, String name) {
    return new DirectoryGroup(id, name, Map.of());
  }
}
