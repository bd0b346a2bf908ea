package io.scimfleet.scim;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A search on an endpoint (RFC 7644 §3.4.2). Every part is optional: {@code filter} null means all;
 * {@code startIndex} and {@code count} null leave the target's defaults; {@code cursor} "" asks for
 * the first cursor page (RFC 9865), a value for the next one. {@code excludedAttributes} names
 * attributes the answer should leave out (e.g. {@code members} of groups).
 */
public record SearchRequest(
    @Nullable Filter filter,
    @Nullable Integer startIndex,
    @Nullable Integer count,
    @Nullable String cursor,
    List<String> attributes,
    List<String> excludedAttributes) {
  public SearchRequest {
    attributes = attributes == null ? List.of() : List.copyOf(attributes);
    excludedAttributes = excludedAttributes == null ? List.of() : List.copyOf(excludedAttributes);
  }

  /** Without excluded attributes. */
  public SearchRequest(
      @Nullable Filter filter,
      @Nullable Integer startIndex,
      @Nullable Integer count,
      @Nullable String cursor,
      List<String> attributes) {
    this(filter, startIndex, count, cursor, attributes, List.of());
  }

  public static SearchRequest all() {
    return new SearchRequest(null, null, null, null, List.of());
  }

  public static SearchRequest of(Filter filter) {
    return all().withFilter(filter);
  }

  public SearchRequest withFilter(Filter value) {
    return new SearchRequest(value, startIndex, count, cursor, attributes, excludedAttributes);
  }

  public SearchRequest withStartIndex(int value) {
    return new SearchRequest(filter, value, count, cursor, attributes, excludedAttributes);
  }

  public SearchRequest withCount(int value) {
    return new SearchRequest(filter, startIndex, value, cursor, attributes, excludedAttributes);
  }

  /** Cursor paging instead of index paging: drops {@code startIndex}. */
  public SearchRequest withCursor(@Nullable String value) {
    return new SearchRequest(filter, null, count, value, attributes, excludedAttributes);
  }

  public SearchRequest withAttributes(List<String> value) {
    return new SearchRequest(filter, startIndex, count, cursor, value, excludedAttributes);
  }

  public SearchRequest withExcludedAttributes(List<String> value) {
    return new SearchRequest(filter, startIndex, count, cursor, attributes, value);
  }
}
