package io.scimfleet.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * How the results of several mappings become one resource: objects merge key by key, arrays append,
 * and any other pair (two scalars, or values of different kinds) is won by the later value, a JSON
 * null included. {@link #withoutNulls} then removes the keys whose value is null, so a later null
 * removes what an earlier mapping set.
 */
public final class DeepMerge {
  private DeepMerge() {}

  /**
   * Merges {@code later} into {@code earlier}, in place, and returns {@code earlier}. The nodes of
   * {@code later} are moved, not copied: do not use {@code later} afterwards.
   */
  public static ObjectNode merge(ObjectNode earlier, ObjectNode later) {
    later.fields().forEachRemaining(field -> mergeField(earlier, field.getKey(), field.getValue()));
    return earlier;
  }

  /** Removes, in place and at every depth, object keys whose value is null and null array items. */
  public static <T extends JsonNode> T withoutNulls(T node) {
    Iterator<JsonNode> children = node.elements();
    while (children.hasNext()) {
      JsonNode child = children.next();
      if (child.isNull()) children.remove();
      else if (child.isContainerNode()) withoutNulls(child);
    }
    return node;
  }

  private static void mergeField(ObjectNode earlier, String key, JsonNode later) {
    JsonNode existing = earlier.get(key);
    if (existing instanceof ObjectNode objects && later instanceof ObjectNode laterObject) {
      merge(objects, laterObject);
    } else if (existing instanceof ArrayNode array && later instanceof ArrayNode laterArray) {
      array.addAll(laterArray);
    } else {
      earlier.set(key, later);
    }
  }
}
