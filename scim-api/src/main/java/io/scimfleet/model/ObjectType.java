package io.scimfleet.model;

/** The kinds of directory object the fleet provisions. */
public enum ObjectType {
  USER("user", "Users"),
  GROUP("group", "Groups");

  private final String label;
  private final String endpoint;

  ObjectType(String label, String endpoint) {
    this.label = label;
    this.endpoint = endpoint;
  }

  /**
   * Lower-case name used in job names, keys, metric tags and the API: {@code user}, {@code group}.
   */
  public String label() {
    return label;
  }

  /** The SCIM endpoint of this type: {@code Users}, {@code Groups}. */
  public String endpoint() {
    return endpoint;
  }

  public static ObjectType fromLabel(String label) {
    for (ObjectType type : values()) {
      if (type.label.equalsIgnoreCase(label) || type.endpoint.equalsIgnoreCase(label)) return type;
    }
    throw new IllegalArgumentException("unknown object type '" + label + "': use user or group");
  }
}
