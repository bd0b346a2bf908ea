package io.scimfleet.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.PropertyMapping;
import java.util.Map;

/** One property mapping, parsed: it evaluates to a JSON object, or to nothing. */
record CompiledMapping(String name, JsonataExpression expression) {

  static CompiledMapping compile(PropertyMapping mapping) {
    return new CompiledMapping(mapping.name(), JsonataExpression.compile(mapping.name(), mapping.expression()));
  }

  /** The object this mapping contributes; null when the expression yields nothing (undefined). */
  ObjectNode apply(MappingInput input) {
    Object result = expression.evaluate(name, input);
    if (result == null) return null;
    if (!(result instanceof Map<?, ?>)) {
      throw new MappingException(name, "result must be a JSON object, got " + JsonataValues.kind(result));
    }
    return (ObjectNode) toJson(result);
  }

  private JsonNode toJson(Object result) {
    try {
      return JsonataValues.toJson(result);
    } catch (IllegalArgumentException e) {
      throw new MappingException(name, "result is not JSON: " + e.getMessage(), e);
    }
  }
}
