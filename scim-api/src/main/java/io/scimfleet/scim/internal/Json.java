package io.scimfleet.scim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/** The client's one {@link ObjectMapper}; thread-safe once configured. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A JSON string literal with every quote, backslash and control character escaped. */
  public static String quote(String text) {
    try {
      return MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode tree(Object value) {
    if (value instanceof JsonNode node)
      return node.deepCopy(); // valueToTree would write and read it again
    return MAPPER.valueToTree(value);
  }

  /** A text node's text or a number's digits; null for a missing, null or structured node. */
  public static @Nullable String text(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }
}
