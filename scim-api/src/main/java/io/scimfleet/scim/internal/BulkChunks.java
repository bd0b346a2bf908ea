package io.scimfleet.scim.internal;

import io.scimfleet.scim.BulkOperation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Cuts operations, in order, into requests within the target's maxOperations and maxPayloadSize.
 */
final class BulkChunks {
  static final int FALLBACK_MAX_OPERATIONS = 100;
  private static final int ENVELOPE_BYTES = 128;

  private BulkChunks() {}

  static List<List<BulkOperation>> split(
      List<BulkOperation> operations, int maxOperations, long maxPayloadSize) {
    return split(
        operations, maxOperations, maxPayloadSize, operation -> operation.toJson().toString());
  }

  /**
   * @param json each operation as sent (the sender serializes each operation once, for both)
   */
  static List<List<BulkOperation>> split(
      List<BulkOperation> operations,
      int maxOperations,
      long maxPayloadSize,
      Function<BulkOperation, String> json) {
    int limit = maxOperations > 0 ? maxOperations : FALLBACK_MAX_OPERATIONS;
    List<List<BulkOperation>> chunks = new ArrayList<>();
    List<BulkOperation> chunk = new ArrayList<>();
    long bytes = ENVELOPE_BYTES;
    for (BulkOperation operation : operations) {
      long size = size(json.apply(operation));
      if (!chunk.isEmpty() && (chunk.size() == limit || tooBig(bytes + size, maxPayloadSize))) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        bytes = ENVELOPE_BYTES;
      }
      chunk.add(operation);
      bytes += size;
    }
    if (!chunk.isEmpty()) chunks.add(chunk);
    return chunks;
  }

  private static boolean tooBig(long bytes, long maxPayloadSize) {
    return maxPayloadSize > 0 && bytes > maxPayloadSize;
  }

  private static long size(String json) {
    return (long) json.getBytes(StandardCharsets.UTF_8).length + 1;
  }
}
