package io.scimfleet.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.scimfleet.scim.BulkOperation;
import java.util.Iterator;
import java.util.Map;

/**
 * Replaces {@code bulkId:<x>} references to operations of an earlier request with the ids the
 * target gave them, so that splitting a Bulk request never breaks a reference across the cut.
 */
final class BulkIds {
  static final String PREFIX = "bulkId:";

  private BulkIds() {}

  static BulkOperation resolve(BulkOperation operation, Map<String, String> ids) {
    if (ids.isEmpty()) return operation;
    ObjectNode data =
        operation.data() == null ? null : (ObjectNode) replace(operation.data().deepCopy(), ids);
    return new BulkOperation(
        operation.method(),
        replaceText(operation.path(), ids),
        operation.bulkId(),
        data,
        operation.version());
  }

  private static JsonNode replace(JsonNode node, Map<String, String> ids) {
    if (node.isTextual()) return new TextNode(replaceText(node.textValue(), ids));
    if (node instanceof ObjectNode object) replaceFields(object, ids);
    if (node instanceof ArrayNode array) replaceItems(array, ids);
    return node;
  }

  private static void replaceFields(ObjectNode object, Map<String, String> ids) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      field.setValue(replace(field.getValue(), ids));
    }
  }

  private static void replaceItems(ArrayNode array, Map<String, String> ids) {
    for (int i = 0; i < array.size(); i++) array.set(i, replace(array.get(i), ids));
  }

  private static String replaceText(String text, Map<String, String> ids) {
    if (text == null || !text.contains(PREFIX)) return text;
    String result = text;
    for (Map.Entry<String, String> id : ids.entrySet())
      result = result.replace(PREFIX + id.getKey(), id.getValue());
    return result;
  }
}
