package io.scimfleet.scim;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one failed request, as {@link ScimErrors} gathered them. {@code retryAfter} and
 * {@code cause} may be null; {@code status} is -1 when no response came.
 */
public record ScimError(
    String method,
    String path,
    int status,
    @Nullable String scimType,
    @Nullable String detail,
    @Nullable Duration retryAfter,
    @Nullable Throwable cause) {

  /** {@code PATCH /Groups/42 -> 409 uniqueness: displayName already exists}. */
  public String message() {
    String outcome = status < 0 ? "failed" : String.valueOf(status);
    String type = scimType == null || scimType.isBlank() ? "" : " " + scimType;
    return method + " " + path + " -> " + outcome + type + ": " + detail;
  }
}
