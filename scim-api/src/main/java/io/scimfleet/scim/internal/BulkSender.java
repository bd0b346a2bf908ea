package io.scimfleet.scim.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.scimfleet.scim.BulkOperation;
import io.scimfleet.scim.BulkResult;
import io.scimfleet.scim.Capabilities;
import io.scimfleet.scim.ScimException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends Bulk requests cut to the target's limits, carrying resolved bulkIds from one to the next.
 */
public final class BulkSender {
  static final String REQUEST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

  private final ScimTransport transport;

  public BulkSender(ScimTransport transport) {
    this.transport = transport;
  }

  public List<BulkResult> send(List<BulkOperation> operations, Capabilities.Bulk limits) {
    return send(operations, limits, false);
  }

  /**
   * Sends the operations in as many requests as the target's limits ask.
   *
   * @param eachRequestOnItsOwn a request that fails as a whole gives each of its operations a
   *     {@link BulkResult#missing} result with that failure, and the next request is sent; false:
   *     the failure is thrown
   */
  public List<BulkResult> send(
      List<BulkOperation> operations, Capabilities.Bulk limits, boolean eachRequestOnItsOwn) {
    // each operation written once: sized and sent (by identity: two equal operations are two
    // operations)
    IdentityHashMap<BulkOperation, String> serialized = new IdentityHashMap<>();
    Function<BulkOperation, String> json =
        operation -> serialized.computeIfAbsent(operation, o -> o.toJson().toString());
    Map<String, String> ids = new HashMap<>();
    List<BulkResult> results = new ArrayList<>();
    for (List<BulkOperation> chunk :
        BulkChunks.split(operations, limits.maxOperations(), limits.maxPayloadSize(), json)) {
      List<BulkOperation> resolved =
          chunk.stream().map(operation -> BulkIds.resolve(operation, ids)).toList();
      List<BulkResult> answered;
      try {
        answered = sendOne(resolved, json);
      } catch (ScimException whole) {
        if (!eachRequestOnItsOwn) throw whole;
        answered =
            resolved.stream().map(operation -> BulkResult.missing(operation, whole)).toList();
      }
      answered.stream()
          .filter(r -> r.bulkId() != null && r.id() != null)
          .forEach(r -> ids.put(r.bulkId(), r.id()));
      results.addAll(answered);
    }
    return results;
  }

  private List<BulkResult> sendOne(
      List<BulkOperation> operations, Function<BulkOperation, String> json) {
    Call call = Call.of("POST", "/Bulk").withBody(request(operations, json));
    Answer answer = transport.send(call);
    return BulkResults.read(
        operations, answer.body(), transport.errors(), () -> transport.object(call, answer));
  }

  /** The operations go in as the raw JSON they were sized by, not as trees to write again. */
  private static ObjectNode request(
      List<BulkOperation> operations, Function<BulkOperation, String> json) {
    ObjectNode body = Json.object();
    body.putArray("schemas").add(REQUEST_SCHEMA);
    ArrayNode list = body.putArray("Operations");
    operations.forEach(operation -> list.addRawValue(new RawValue(json.apply(operation))));
    return body;
  }
}
