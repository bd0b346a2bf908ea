package io.scimfleet.scim.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.scim.BulkOperation;
import io.scimfleet.scim.BulkResult;
import io.scimfleet.scim.Capabilities;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sends Bulk requests cut to the target's limits, carrying resolved bulkIds from one to the next. */
public final class BulkSender {
  static final String REQUEST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

  private final ScimTransport transport;

  public BulkSender(ScimTransport transport) {
    this.transport = transport;
  }

  /** The Bulk requests {@link #send} would make of the operations: cut, in order, to the limits. */
  public static List<List<BulkOperation>> requests(List<BulkOperation> operations, Capabilities.Bulk limits) {
    return BulkChunks.split(operations, limits.maxOperations(), limits.maxPayloadSize());
  }

  public List<BulkResult> send(List<BulkOperation> operations, Capabilities.Bulk limits) {
    Map<String, String> ids = new HashMap<>();
    List<BulkResult> results = new ArrayList<>();
    for (List<BulkOperation> chunk : BulkChunks.split(operations, limits.maxOperations(), limits.maxPayloadSize())) {
      List<BulkOperation> resolved = chunk.stream().map(operation -> BulkIds.resolve(operation, ids)).toList();
      List<BulkResult> answered = sendOne(resolved);
      answered.stream().filter(r -> r.bulkId() != null && r.id() != null).forEach(r -> ids.put(r.bulkId(), r.id()));
      results.addAll(answered);
    }
    return results;
  }

  private List<BulkResult> sendOne(List<BulkOperation> operations) {
    Call call = Call.of("POST", "/Bulk").withBody(request(operations));
    return BulkResults.read(operations, transport.sendForObject(call), transport.errors());
  }

  private static ObjectNode request(List<BulkOperation> operations) {
    ObjectNode body = Json.object();
    body.putArray("schemas").add(REQUEST_SCHEMA);
    ArrayNode list = body.putArray("Operations");
    operations.forEach(operation -> list.add(operation.toJson()));
    return body;
  }
}
