package io.scimfleet.model;

import java.util.Objects;

/**
 * One named JSONata expression that produces part of a SCIM resource. A provider's mappings are
 * applied in the order of their names and deep-merged.
 */
public record PropertyMapping(String name, String expression) {
  public PropertyMapping {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
  }
}
