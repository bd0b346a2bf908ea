package io.scimfleet.scheduler.http;

import io.scimfleet.model.DirectoryUser;
import java.util.Map;

/**
 * The body of {@code PUT /api/v1/users/{id}} and a user line of an import; only username is
 * required.
 */
record UserRequest(
    String username, String name, String email, Boolean active, Map<String, Object> attributes) {

  DirectoryUser toUser(String id) {
    Ids.require("user id", id);
    if (username == null || username.isBlank())
      throw ApiException.badRequest("username is required and must not be empty");
    if (attributes != null && attributes.keySet().stream().anyMatch("password"::equalsIgnoreCase)) {
      throw ApiException.badRequest(
          "attributes may not hold a password: set it with PUT /api/v1/users/{id}/password");
    }
    return new DirectoryUser(
        id, username.trim(), name, email, active == null || active, attributes);
  }
}
