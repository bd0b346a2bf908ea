package io.scimfleet.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One request to send: {@code path} is relative to the base URL, encoded, with a leading slash
 * ({@code /Users/42}); {@code query} is encoded without {@code ?} or null; {@code body} and {@code
 * ifMatch} may be null.
 */
public record Call(
    String method,
    String path,
    @Nullable String query,
    @Nullable JsonNode body,
    @Nullable String ifMatch) {
  public static Call of(String method, String path) {
    return new Call(method, path, null, null, null);
  }

  public Call withQuery(@Nullable String value) {
    return new Call(method, path, value, body, ifMatch);
  }

  public Call withBody(JsonNode value) {
    return new Call(method, path, query, value, ifMatch);
  }

  public Call withIfMatch(@Nullable String value) {
    return new Call(method, path, query, body, value);
  }

  /** The metric label: the first path segment, never an id. */
  public String endpointLabel() {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    int slash = trimmed.indexOf('/');
    return slash < 0 ? trimmed : trimmed.substring(0, slash);
  }
}
