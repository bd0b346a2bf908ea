package io.scimfleet.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a mapped resource that read as a sentence: {@code assertThat(r).hasText("userName",
 * "ada")}.
 */
final class ObjectNodeAssert extends AbstractAssert<ObjectNodeAssert, JsonNode> {
  private ObjectNodeAssert(JsonNode actual) {
    super(actual, ObjectNodeAssert.class);
  }

  static ObjectNodeAssert assertThat(JsonNode actual) {
    return new ObjectNodeAssert(actual);
  }

  ObjectNodeAssert hasText(String field, String expected) {
    isNotNull();
    JsonNode value = actual.get(field);
    if (value == null || !value.isTextual() || !value.asText().equals(expected)) {
      failWithMessage("expected %s to be \"%s\" in %s", field, expected, actual);
    }
    return this;
  }
}
