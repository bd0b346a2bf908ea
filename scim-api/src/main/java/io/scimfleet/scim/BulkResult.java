package io.scimfleet.scim;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one Bulk operation, on its own: one failed operation does not fail the others.
 *
 * @param status the operation's HTTP status (the target may send it as text, number or object)
 * @param id the created or changed resource's id, from {@code location}; null when unknown
 * @param error the error the operation answered, already mapped by {@link ScimErrors}; null on
 *     success
 */
public record BulkResult(
    String method,
    String path,
    @Nullable String bulkId,
    int status,
    @Nullable String location,
    @Nullable String id,
    @Nullable String version,
    @Nullable ScimException error) {
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public Optional<ScimException> failure() {
    return Optional.ofNullable(error);
  }

  /** A result for an operation the target's answer did not mention. */
  public static BulkResult missing(BulkOperation operation, ScimException error) {
    return new BulkResult(
        operation.method(), operation.path(), operation.bulkId(), -1, null, null, null, error);
  }
}
