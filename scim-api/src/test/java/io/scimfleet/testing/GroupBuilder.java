package io.scimfleet.testing;

import io.scimfleet.model.DirectoryGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aGroup("g1").named("Engineers").withMembers("u1", "u2")}; members are kept apart from the
 * group.
 */
public final class GroupBuilder {
  private final String id;
  private String name;
  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private List<String> members = List.of();

  private GroupBuilder(String id) {
    this.id = id;
    this.name = id;
  }

  public static GroupBuilder aGroup(String id) {
    return new GroupBuilder(id);
  }

  public GroupBuilder named(String value) {
    this.name = value;
    return this;
  }

  public GroupBuilder with(String attribute, Object value) {
    attributes.put(attribute, value);
    return this;
  }

  public GroupBuilder withMembers(String... userIds) {
    this.members = List.of(userIds);
    return this;
  }

  public List<String> members() {
    return members;
  }

  public DirectoryGroup build() {
    return new DirectoryGroup(id, name, attributes);
  }
}
