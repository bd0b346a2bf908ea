package io.scimfleet.scim;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An entry of {@code /ResourceTypes}: {@code endpoint} without its leading slash ({@code Users}).
 */
public record ResourceType(
    @Nullable String id,
    @Nullable String name,
    String endpoint,
    @Nullable String schema,
    List<String> schemaExtensions) {
  public ResourceType {
    schemaExtensions = List.copyOf(schemaExtensions);
  }
}
