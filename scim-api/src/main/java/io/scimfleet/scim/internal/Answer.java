package io.scimfleet.scim.internal;

/** A response read in full: its status, body (maybe empty) and the headers the client uses. */
public record Answer(int status, String body, String etag, String retryAfter, String contentType) {
  public boolean hasBody() {
    return body != null && !body.isBlank();
  }
}
