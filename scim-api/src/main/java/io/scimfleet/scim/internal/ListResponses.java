package io.scimfleet.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.scim.ListResponse;
import io.scimfleet.scim.ScimResource;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a ListResponse leniently: {@code Resources} or {@code resources}, numbers as text or
 * digits.
 */
final class ListResponses {
  private ListResponses() {}

  static ListResponse read(ObjectNode body) {
    List<ScimResource> resources = new ArrayList<>();
    JsonNode list = body.has("Resources") ? body.get("Resources") : body.path("resources");
    list.forEach(
        node -> {
          if (node instanceof ObjectNode resource) resources.add(ScimResource.of(resource));
        });
    return new ListResponse(
        number(body, "totalResults", resources.size()),
        (int) number(body, "startIndex", 1),
        (int) number(body, "itemsPerPage", resources.size()),
        resources,
        Json.text(body.get("nextCursor")));
  }

  private static long number(JsonNode body, String field, long fallback) {
    JsonNode node = body.path(field);
    if (node.isNumber()) return node.longValue();
    try {
      return node.isTextual() ? Long.parseLong(node.textValue().trim()) : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
