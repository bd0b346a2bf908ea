package io.scimfleet.scim;

import java.util.List;

/**
 * An entry of {@code /ResourceTypes}: {@code endpoint} without its leading slash ({@code Users}).
 */
public record ResourceType(
    String id, String name, String endpoint, String schema, List<String> schemaExtensions) {
  public ResourceType {
    schemaExtensions = List.copyOf(schemaExtensions);
  }
}
