package io.scimfleet.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses JSON written in tests with single quotes, so that expected resources stay readable. */
final class JsonAssertions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonAssertions() {}

  static JsonNode json(String singleQuoted) {
    try {
      return JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad JSON in test: " + singleQuoted, e);
    }
  }
}
