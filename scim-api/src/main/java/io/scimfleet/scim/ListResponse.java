package io.scimfleet.scim;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a search. {@code totalResults} is what the target claims and may be wrong (some
 * report the page size); {@code nextCursor} is null unless the target pages by cursor (RFC 9865).
 */
public record ListResponse(
    long totalResults,
    int startIndex,
    int itemsPerPage,
    List<ScimResource> resources,
    @Nullable String nextCursor) {
  public ListResponse {
    resources = List.copyOf(resources);
  }

  public Optional<String> cursor() {
    return Optional.ofNullable(nextCursor).filter(cursor -> !cursor.isEmpty());
  }
}
