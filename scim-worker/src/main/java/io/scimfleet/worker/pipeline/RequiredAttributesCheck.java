package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.ObjectType;
import io.scimfleet.schema.ValidationException;
import io.scimfleet.schema.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider's required attributes ({@code requiredAttributes}, from its profile or its own): a
 * payload missing one fails like a schema violation, before any request. Empty strings, empty arrays
 * and empty objects count as missing; in an array, {@code emails.value} needs one element with a value.
 */
final class RequiredAttributesCheck {
  private RequiredAttributesCheck() {}

  static void require(ProviderContext ctx, ObjectType type, ObjectNode payload) {
    List<Violation> missing = new ArrayList<>();
    for (String path : ctx.provider().switches().requiredAttributes().of(type)) {
      if (!present(payload, path.split("\\."), 0)) {
        missing.add(new Violation("$." + path, "is required by the target (profile "
            + ctx.provider().profile().wireName() + " or requiredAttributes) but the mappings produced none"));
      }
    }
    if (!missing.isEmpty()) throw new ValidationException(type, missing);
  }

  private static boolean present(JsonNode node, String[] parts, int at) {
    if (at == parts.length) return !empty(node);
    if (node.isArray()) {
      for (JsonNode element : node) if (present(element, parts, at)) return true;
      return false;
    }
    return node.isObject() && present(node.path(parts[at]), parts, at + 1);
  }

  private static boolean empty(JsonNode node) {
    return node.isMissingNode() || node.isNull() || (node.isTextual() && node.textValue().isBlank())
        || (node.isContainerNode() && node.isEmpty());
  }
}
