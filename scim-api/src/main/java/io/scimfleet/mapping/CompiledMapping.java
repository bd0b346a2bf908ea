package io.scimfleet.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.PropertyMapping;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One property mapping, parsed: it evaluates to a JSON object, or to nothing. A built-in user
 * mapping left as it is has a Java {@code twin} ({@link DefaultUserTwins}) that answers first.
 */
record CompiledMapping(
    String name,
    JsonataExpression expression,
    @Nullable Function<Map<String, Object>, Object> twin) {

  /**
   * @param twins false: always the JSONata (to test the twins against it)
   */
  static CompiledMapping compile(PropertyMapping mapping, boolean twins, MappingLimits limits) {
    return new CompiledMapping(
        mapping.name(),
        JsonataExpression.compile(mapping.name(), mapping.expression(), limits),
        twins ? DefaultUserTwins.of(mapping.expression()).orElse(null) : null);
  }

  /** The object this mapping contributes; null when the expression yields nothing (undefined). */
  @Nullable ObjectNode apply(MappingInput input) {
    Object twinResult = twin == null ? DefaultUserTwins.UNSURE : twin.apply(input.json());
    Object result =
        twinResult != DefaultUserTwins.UNSURE ? twinResult : expression.evaluate(name, input);
    if (result == null) return null;
    if (!(result instanceof Map<?, ?>)) {
      throw new MappingException(
          name, "result must be a JSON object, got " + JsonataValues.kind(result));
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
