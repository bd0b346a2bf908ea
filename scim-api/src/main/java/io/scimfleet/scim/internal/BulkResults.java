package io.scimfleet.scim.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.scim.BulkOperation;
import io.scimfleet.scim.BulkResult;
import io.scimfleet.scim.ScimErrors;
import io.scimfleet.scim.ScimException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads a BulkResponse operation by operation, matched to what was sent by bulkId, else by
 * position. {@code status} may be a number, text ({@code "201"}) or an object ({@code {"code":
 * 201}}); a failed operation gets its own mapped error.
 */
final class BulkResults {
  private BulkResults() {}

  /** What a successful operation's answer says, read from the stream without a tree. */
  private record Answered(
      @Nullable String bulkId,
      int status,
      @Nullable String location,
      @Nullable String version,
      @Nullable String id) {}

  /**
   * The body read as a stream, keeping of each operation only its bulkId, status, location, version
   * and {@code response.id} (the created resources it may carry are skipped, not built into trees):
   * a page's Bulk answers are most of the JSON the fleet reads. When that does not settle every
   * operation as a success (an error, a missing or odd answer, a body that is not a JSON object),
   * the body is read as a tree ({@code tree}, which throws as the transport does for a body that is
   * not a JSON object) by the rules below, so that errors are mapped as before.
   */
  static List<BulkResult> read(
      List<BulkOperation> sent, String body, ScimErrors errors, Supplier<JsonNode> tree) {
    List<BulkResult> streamed = streamed(sent, body);
    return streamed != null ? streamed : read(sent, tree.get(), errors);
  }

  /** Every operation's success, or null when one of them is not plainly that. */
  private static @Nullable List<BulkResult> streamed(List<BulkOperation> sent, String body) {
    @Nullable List<Answered> answered;
    try {
      answered = operations(body);
    } catch (IOException | RuntimeException malformed) {
      return null;
    }
    if (answered == null) return null;
    Map<String, Answered> byBulkId = new HashMap<>();
    answered.forEach(
        one -> {
          if (one.bulkId() != null) byBulkId.putIfAbsent(one.bulkId(), one);
        });
    List<BulkResult> results = new ArrayList<>(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      BulkOperation operation = sent.get(i);
      Answered one = operation.bulkId() != null ? byBulkId.get(operation.bulkId()) : null;
      if (one == null && i < answered.size()) one = answered.get(i);
      if (one == null || one.status() < 200 || one.status() >= 300) return null;
      results.add(
          new BulkResult(
              operation.method(),
              operation.path(),
              operation.bulkId(),
              one.status(),
              one.location(),
              one.id() != null || one.location() == null ? one.id() : idOf(one.location()),
              one.version(),
              null));
    }
    return results;
  }

  /** The body's {@code Operations}; null when it is not an object with an array of objects. */
  private static @Nullable List<Answered> operations(@Nullable String body) throws IOException {
    if (body == null || body.isBlank()) return null;
    List<Answered> answered = null;
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) return null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!field.equals("Operations")) {
          parser.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) return null;
        answered = new ArrayList<>();
        for (JsonToken item = parser.nextToken();
            item != JsonToken.END_ARRAY;
            item = parser.nextToken()) {
          if (item != JsonToken.START_OBJECT) return null;
          answered.add(operation(parser));
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null)
        return null; // trailing content: the tree read decides what it is
    }
    return answered;
  }

  /** One operation's answer, the parser at its START_OBJECT; leaves it at its END_OBJECT. */
  private static Answered operation(JsonParser parser) throws IOException {
    @Nullable String bulkId = null;
    @Nullable String location = null;
    @Nullable String version = null;
    @Nullable String id = null;
    int status = -1;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "bulkId" -> bulkId = scalar(parser, value);
        case "location" -> location = scalar(parser, value);
        case "version" -> version = scalar(parser, value);
        case "status" ->
            status =
                value.isStructStart()
                    ? status((JsonNode) parser.readValueAsTree())
                    : value.isNumeric() ? parser.getIntValue() : status(scalar(parser, value));
        case "response" -> id = responseId(parser, value);
        default -> parser.skipChildren();
      }
    }
    return new Answered(bulkId, status, location, version, id);
  }

  /** The top-level {@code id} of an operation's {@code response}; the rest is skipped. */
  private static @Nullable String responseId(JsonParser parser, JsonToken value)
      throws IOException {
    if (value != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return null;
    }
    @Nullable String id = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken inner = parser.nextToken();
      if (field.equals("id")) id = scalar(parser, inner);
      else parser.skipChildren();
    }
    return id;
  }

  /** As {@link Json#text}: a scalar's text, null for null or a structure (skipped). */
  private static @Nullable String scalar(JsonParser parser, JsonToken value) throws IOException {
    if (value.isStructStart()) {
      parser.skipChildren();
      return null;
    }
    return value == JsonToken.VALUE_NULL ? null : parser.getText();
  }

  static List<BulkResult> read(List<BulkOperation> sent, JsonNode body, ScimErrors errors) {
    JsonNode answered = body.path("Operations");
    List<BulkResult> results = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++)
      results.add(result(sent.get(i), find(answered, sent.get(i), i), errors));
    return results;
  }

  private static JsonNode find(JsonNode answered, BulkOperation operation, int index) {
    if (operation.bulkId() != null) {
      for (JsonNode node : answered)
        if (operation.bulkId().equals(Json.text(node.get("bulkId")))) return node;
    }
    return answered.path(index);
  }

  private static BulkResult result(BulkOperation operation, JsonNode node, ScimErrors errors) {
    int status = status(node.path("status"));
    if (node.isMissingNode() || status < 0)
      return BulkResult.missing(
          operation,
          errors.malformed(
              operation.method(),
              operation.path(),
              200,
              "the Bulk response has no status for this operation",
              node.toString()));
    String location = Json.text(node.get("location"));
    ScimException error =
        status >= 300
            ? errors.fromResponse(
                operation.method(),
                operation.path(),
                status,
                null,
                node.path("response").toString())
            : null;
    String id = error == null ? id(location, node) : null;
    return new BulkResult(
        operation.method(),
        operation.path(),
        operation.bulkId(),
        status,
        location,
        id,
        Json.text(node.get("version")),
        error);
  }

  static int status(JsonNode status) {
    JsonNode value = status.isObject() ? status.path("code") : status;
    if (value.isNumber()) return value.intValue();
    return status(Json.text(value));
  }

  private static int status(@Nullable String text) {
    String digits = text == null ? "" : text.trim().replaceFirst("^(\\d{3}).*$", "$1");
    return digits.matches("\\d{3}") ? Integer.parseInt(digits) : -1;
  }

  private static @Nullable String id(@Nullable String location, JsonNode node) {
    String fromResponse = Json.text(node.path("response").get("id"));
    if (fromResponse != null || location == null) return fromResponse;
    return idOf(location);
  }

  private static String idOf(String location) {
    String trimmed = Paths.trimSlashes(location);
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
