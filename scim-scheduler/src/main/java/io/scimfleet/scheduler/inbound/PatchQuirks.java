package io.scimfleet.scheduler.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * What identity providers send in a PATCH that the SCIM-SDK would misread, rewritten to its RFC
 * meaning before the SDK sees it. Entra ID removes members as {@code {"op":"Remove",
 * "path":"members","value":[{"$ref":null,"value":"<id>"}]}}: the SDK compares each listed object
 * whole with the stored member (which has a {@code $ref} and a {@code type}) and removes nothing.
 * Such a removal becomes one {@code members[value eq "<id>"]} removal per listed member.
 */
final class PatchQuirks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PatchQuirks() {}

  /** The body to hand to the SDK: rewritten where needed, else as it came (also when not JSON). */
  static @Nullable String normalise(@Nullable String body) {
    if (body == null) return null;
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      return body;
    }
    if (request == null || !request.path("Operations").isArray()) return body;
    ArrayNode rewritten = JSON.createArrayNode();
    boolean changed = false;
    for (JsonNode operation : request.path("Operations")) {
      if (isMemberRemovalByList(operation)) {
        changed = true;
        for (JsonNode member : operation.path("value")) {
          rewritten
              .addObject()
              .put("op", "remove")
              .put("path", "members[value eq " + quoted(member.path("value").asText()) + "]");
        }
      } else {
        rewritten.add(operation);
      }
    }
    if (!changed) return body;
    ((ObjectNode) request).set("Operations", rewritten);
    return request.toString();
  }

  private static boolean isMemberRemovalByList(JsonNode operation) {
    return operation.path("op").asText().equalsIgnoreCase("remove")
        && operation.path("path").asText().equalsIgnoreCase("members")
        && operation.path("value").isArray()
        && !operation.path("value").isEmpty();
  }

  /** A SCIM filter string literal: JSON's quoting. */
  private static String quoted(String value) {
    return JSON.getNodeFactory().textNode(value).toString();
  }
}
