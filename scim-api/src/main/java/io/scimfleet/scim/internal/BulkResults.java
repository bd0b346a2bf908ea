package io.scimfleet.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.scim.BulkOperation;
import io.scimfleet.scim.BulkResult;
import io.scimfleet.scim.ScimErrors;
import io.scimfleet.scim.ScimException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a BulkResponse operation by operation, matched to what was sent by bulkId, else by
 * position. {@code status} may be a number, text ({@code "201"}) or an object ({@code {"code":
 * 201}}); a failed operation gets its own mapped error.
 */
final class BulkResults {
  private BulkResults() {}

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
    String text = Json.text(value);
    String digits = text == null ? "" : text.trim().replaceFirst("^(\\d{3}).*$", "$1");
    return digits.matches("\\d{3}") ? Integer.parseInt(digits) : -1;
  }

  private static @Nullable String id(@Nullable String location, JsonNode node) {
    String fromResponse = Json.text(node.path("response").get("id"));
    if (fromResponse != null || location == null) return fromResponse;
    String trimmed = Paths.trimSlashes(location);
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
