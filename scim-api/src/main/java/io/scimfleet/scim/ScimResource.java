package io.scimfleet.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.scim.internal.Json;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A resource as the target returned it. {@link #json()} is the whole body, unknown attributes
 * included: a read-modify-write keeps what this fleet does not know about. Treat it as read-only.
 *
 * @param json the response body
 * @param etag the {@code ETag} header of the response, or null
 */
public record ScimResource(ObjectNode json, @Nullable String etag) {
  public static ScimResource of(ObjectNode json) {
    return new ScimResource(json, null);
  }

  /** The id as text, also when the target sends a number; null when absent. */
  public @Nullable String id() {
    return Json.text(json.get("id"));
  }

  public Optional<String> externalId() {
    return Optional.ofNullable(Json.text(json.get("externalId")));
  }

  /** {@code meta.version}, else the {@code ETag} header: the value to send as {@code If-Match}. */
  public Optional<String> version() {
    String version = Json.text(json.path("meta").get("version"));
    return Optional.ofNullable(version != null ? version : etag);
  }

  public Optional<String> location() {
    return Optional.ofNullable(Json.text(json.path("meta").get("location")));
  }

  @Override
  public String toString() {
    return "ScimResource" + json;
  }
}
