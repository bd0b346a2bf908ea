package io.scimfleet.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.scim.internal.Json;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a Bulk request (RFC 7644 §3.7). {@code path} is relative ({@code /Users}, {@code
 * /Groups/42}); another operation's data may refer to this one as {@code "bulkId:<bulkId>"}. {@code
 * data} and {@code version} may be null.
 */
public record BulkOperation(
    String method,
    String path,
    @Nullable String bulkId,
    @Nullable ObjectNode data,
    @Nullable String version) {
  public static BulkOperation create(String endpoint, String bulkId, ObjectNode resource) {
    return new BulkOperation("POST", "/" + endpoint, bulkId, resource, null);
  }

  public static BulkOperation replace(String endpoint, String id, ObjectNode resource) {
    return new BulkOperation("PUT", "/" + endpoint + "/" + id, null, resource, null);
  }

  public static BulkOperation patch(String endpoint, String id, PatchRequest patch) {
    return new BulkOperation("PATCH", "/" + endpoint + "/" + id, null, patch.toJson(), null);
  }

  public static BulkOperation delete(String endpoint, String id) {
    return new BulkOperation("DELETE", "/" + endpoint + "/" + id, null, null, null);
  }

  public BulkOperation withVersion(String value) {
    return new BulkOperation(method, path, bulkId, data, value);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object().put("method", method).put("path", path);
    if (bulkId != null) json.put("bulkId", bulkId);
    if (version != null) json.put("version", version);
    if (data != null) json.set("data", data);
    return json;
  }
}
