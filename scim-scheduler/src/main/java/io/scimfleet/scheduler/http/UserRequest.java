package io.scimfleet.scheduler.http;

import io.scimfleet.model.DirectoryUser;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/v1/users/{id}} and a user line of an import; only username is
 * required.
 */
record UserRequest(
    @Nullable String username,
    @Nullable String name,
    @Nullable String email,
    @Nullable Boolean active,
    @Nullable Map<String, @Nullable Object> attributes) {

  DirectoryUser toUser(@Nullable String id) {
    String checked = Ids.require("user id", id);
    if (username == null || username.isBlank())
      throw ApiException.badRequest("username is required and must not be empty");
    if (attributes != null && attributes.keySet().stream().anyMatch("password"::equalsIgnoreCase)) {
      throw ApiException.badRequest(
          "attributes may not hold a password: set it with PUT /api/v1/users/{id}/password");
    }
    return new DirectoryUser(
        checked,
        username.trim(),
        name,
        email,
        active == null || active,
        Attributes.require(attributes));
  }
}
