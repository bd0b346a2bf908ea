package io.scimfleet.scim.internal;

import io.scimfleet.scim.ListResponse;
import io.scimfleet.scim.SearchRequest;
import org.jspecify.annotations.Nullable;

/**
 * Sends a search as {@code GET
 * <endpoint>?filter=...&startIndex=...&count=...&cursor=...&attributes=...&excludedAttributes=...&sortBy=...&sortOrder=...}.
 */
public final class Searches {
  private final ScimTransport transport;

  public Searches(ScimTransport transport) {
    this.transport = transport;
  }

  public ListResponse search(String endpoint, SearchRequest request) {
    Call call = Call.of("GET", Paths.of(endpoint, null)).withQuery(query(request));
    return ListResponses.read(transport.sendForObject(call));
  }

  static @Nullable String query(SearchRequest request) {
    return Paths.query(
        "filter",
        request.filter() == null ? null : request.filter().render(),
        "startIndex",
        text(request.startIndex()),
        "count",
        text(request.count()),
        "cursor",
        request.cursor(),
        "attributes",
        request.attributes().isEmpty() ? null : String.join(",", request.attributes()),
        "excludedAttributes",
        request.excludedAttributes().isEmpty()
            ? null
            : String.join(",", request.excludedAttributes()),
        "sortBy",
        request.sortBy(),
        "sortOrder",
        request.sortBy() == null ? null : (request.descending() ? "descending" : "ascending"));
  }

  private static @Nullable String text(@Nullable Integer number) {
    return number == null ? null : number.toString();
  }
}
