package io.scimfleet.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test data that reads as English: {@code aUser("alice")}, {@code aGroup("admins")}. */
public final class ScimResources {
  public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

  private ScimResources() {}

  /** A minimal valid User, active. */
  public static ObjectNode aUser(String userName) {
    ObjectNode user = JsonNodeFactory.instance.objectNode();
    user.putArray("schemas").add(USER_SCHEMA);
    user.put("userName", userName).put("active", true);
    user.putObject("name").put("givenName", userName).put("familyName", "Tester");
    return user;
  }

  /** A Group with these member ids. */
  public static ObjectNode aGroup(String displayName, String... memberIds) {
    ObjectNode group = JsonNodeFactory.instance.objectNode();
    group.putArray("schemas").add(GROUP_SCHEMA);
    group.put("displayName", displayName);
    if (memberIds.length > 0) {
      var members = group.putArray("members");
      for (String id : memberIds) members.addObject().put("value", id);
    }
    return group;
  }
}
