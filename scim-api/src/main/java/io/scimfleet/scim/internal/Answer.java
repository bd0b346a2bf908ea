package io.scimfleet.scim.internal;

import org.jspecify.annotations.Nullable;

/** A response read in full: its status, body (maybe empty) and the headers the client uses. */
public record Answer(
    int status,
    String body,
    @Nullable String etag,
    @Nullable String retryAfter,
    @Nullable String contentType) {
  public boolean hasBody() {
    return body != null && !body.isBlank();
  }
}
