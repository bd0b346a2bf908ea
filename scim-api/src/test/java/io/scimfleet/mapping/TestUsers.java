package io.scimfleet.mapping;

import io.scimfleet.model.DirectoryUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Test data that reads as English: {@code aUser().named("Ada Lovelace").withEmail(...).build()}.
 */
final class TestUsers {
  private String id = "u-1";
  private String username = "ada";
  private String name;
  private String email;
  private boolean active = true;
  private final Map<String, Object> attributes = new LinkedHashMap<>();

  static TestUsers aUser() {
    return new TestUsers();
  }

  TestUsers withId(String id) {
    this.id = id;
    return this;
  }

  TestUsers withUsername(String username) {
    this.username = username;
    return this;
  }

  TestUsers named(String name) {
    this.name = name;
    return this;
  }

  TestUsers withEmail(String email) {
    this.email = email;
    return this;
  }

  TestUsers inactive() {
    this.active = false;
    return this;
  }

  TestUsers with(String attribute, Object value) {
    attributes.put(attribute, value);
    return this;
  }

  DirectoryUser build() {
    return new DirectoryUser(id, username, name, email, active, attributes);
  }

  MappingInput input() {
    return MappingInput.user(build());
  }

  /** The input for a target that announces these extensions, with the manager's remote id there. */
  MappingInput inputFor(Set<String> schemaExtensions, UserTarget.Manager manager) {
    return MappingInput.user(build(), new UserTarget(schemaExtensions, manager));
  }
}
