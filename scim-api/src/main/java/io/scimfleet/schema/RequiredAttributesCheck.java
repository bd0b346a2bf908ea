package io.scimfleet.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider's required attributes ({@code requiredAttributes}, its profile's or its own): a
 * payload missing one fails like a schema violation, before any request. Empty strings, empty
 * arrays and empty objects count as missing; through an array, {@code emails.value} needs one
 * element with a value.
 */
public final class RequiredAttributesCheck {
  private RequiredAttributesCheck() {}

  /**
   * Fails unless the payload carries every required attribute.
   *
   * @throws ValidationException naming every missing attribute
   */
  public static void require(Provider provider, ObjectType type, JsonNode payload) {
    List<Violation> missing = violations(provider, type, payload);
    if (!missing.isEmpty()) throw new ValidationException(type, missing);
  }

  public static List<Violation> violations(Provider provider, ObjectType type, JsonNode payload) {
    List<Violation> missing = new ArrayList<>();
    for (String path : provider.switches().requiredAttributes().of(type)) {
      if (!present(payload, path.split("\\."), 0)) {
        missing.add(
            new Violation(
                "$." + path,
                "is required by the target (profile "
                    + provider.profile().wireName()
                    + " or requiredAttributes) but the mappings produced none"));
      }
    }
    return missing;
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
    return node.isMissingNode()
        || node.isNull()
        || (node.isTextual() && node.textValue().isBlank())
        || (node.isContainerNode() && node.isEmpty());
  }
}
