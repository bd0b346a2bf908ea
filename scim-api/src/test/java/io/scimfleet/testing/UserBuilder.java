package io.scimfleet.testing;

import io.scimfleet.model.DirectoryUser;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code aUser("u1").named("Ada Lovelace").build()}: username and email follow from the name. */
public final class UserBuilder {
  private final String id;
  private String username;
  private String name;
  private String email;
  private boolean active = true;
  private final Map<String, Object> attributes = new LinkedHashMap<>();

  private UserBuilder(String id) {
    this.id = id;
    this.username = id;
  }

  public static UserBuilder aUser(String id) {
    return new UserBuilder(id);
  }

  public UserBuilder named(String fullName) {
    this.name = fullName;
    this.username = fullName.toLowerCase(Locale.ROOT).replace(' ', '.');
    this.email = username + "@example.org";
    return this;
  }

  public UserBuilder withUsername(String value) {
    this.username = value;
    return this;
  }

  public UserBuilder withEmail(String value) {
    this.email = value;
    return this;
  }

  public UserBuilder inactive() {
    this.active = false;
    return this;
  }

  public UserBuilder with(String attribute, Object value) {
    attributes.put(attribute, value);
    return this;
  }

  public DirectoryUser build() {
    return new DirectoryUser(id, username, name, email, active, attributes);
  }
}
