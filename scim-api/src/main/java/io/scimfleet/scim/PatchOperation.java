package io.scimfleet.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.scim.internal.Json;
import org.jspecify.annotations.Nullable;

/**
 * One RFC 7644 §3.5.2 operation: {@code add}, {@code replace} or {@code remove}; path and value may
 * be null.
 */
public record PatchOperation(String op, String path, @Nullable JsonNode value) {
  public ObjectNode toJson() {
    ObjectNode json = Json.object().put("op", op);
    if (path != null) json.put("path", path);
    if (value != null) json.set("value", value);
    return json;
  }
}
