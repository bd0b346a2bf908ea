package io.scimfleet.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Turns what JSONata returns (maps, lists, strings, numbers, booleans, null) into Jackson nodes.
 */
final class JsonataValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonataValues() {}

  /**
   * @throws IllegalArgumentException for anything that is not JSON, such as a function
   */
  static JsonNode toJson(Object value) {
    if (value == null) return NODES.nullNode();
    if (value instanceof String text) return NODES.textNode(text);
    if (value instanceof Boolean bool) return NODES.booleanNode(bool);
    if (value instanceof Number number) return number(number);
    if (value instanceof Map<?, ?> map) return object(map);
    if (value instanceof List<?> list) return array(list);
    throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " is not JSON");
  }

  static String kind(Object value) {
    if (value instanceof List<?>) return "an array";
    if (value instanceof String) return "a string";
    if (value instanceof Number) return "a number";
    if (value instanceof Boolean) return "a boolean";
    return "a " + value.getClass().getSimpleName();
  }

  private static ObjectNode object(Map<?, ?> map) {
    ObjectNode object = NODES.objectNode();
    map.forEach((key, item) -> object.set(String.valueOf(key), toJson(item)));
    return object;
  }

  private static ArrayNode array(List<?> list) {
    ArrayNode array = NODES.arrayNode(list.size());
    list.forEach(item -> array.add(toJson(item)));
    return array;
  }

  private static JsonNode number(Number number) {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return NODES.numberNode(number.intValue());
    }
    if (number instanceof Long value) return NODES.numberNode(value);
    if (number instanceof BigInteger value) return NODES.numberNode(value);
    if (number instanceof BigDecimal value) return NODES.numberNode(value);
    double value = number.doubleValue();
    boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15;
    return whole ? NODES.numberNode((long) value) : NODES.numberNode(value);
  }
}
