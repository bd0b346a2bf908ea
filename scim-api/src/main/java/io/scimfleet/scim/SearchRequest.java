package io.scimfleet.scim;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A search on an endpoint (RFC 7644 §3.4.2). Every part is optional: {@code filter} null means all;
 * {@code startIndex} and {@code count} null leave the target's defaults; {@code cursor} "" asks for
 * the first cursor page (RFC 9865), a value for the next one. {@code excludedAttributes} names
 * attributes the answer should leave out (e.g. {@code members} of groups). {@code sortBy} null
 * leaves the target's order; {@code descending} asks for {@code sortOrder=descending} (RFC 7644
 * §3.4.2.3), only with a {@code sortBy}.
 */
public record SearchRequest(
    @Nullable Filter filter,
    @Nullable Integer startIndex,
    @Nullable Integer count,
    @Nullable String cursor,
    List<String> attributes,
    List<String> excludedAttributes,
    @Nullable String sortBy,
    boolean descending) {
  public SearchRequest {
    attributes = attributes == null ? List.of() : List.copyOf(attributes);
    excludedAttributes = excludedAttributes == null ? List.of() : List.copyOf(excludedAttributes);
  }

  /** In the target's order. */
  public SearchRequest(
      @Nullable Filter filter,
      @Nullable Integer startIndex,
      @Nullable Integer count,
      @Nullable String cursor,
      List<String> attributes,
      List<String> excludedAttributes) {
    this(filter, startIndex, count, cursor, attributes, excludedAttributes, null, false);
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
    return new SearchRequest(
        value, startIndex, count, cursor, attributes, excludedAttributes, sortBy, descending);
  }

  public SearchRequest withStartIndex(int value) {
    return new SearchRequest(
        filter, value, count, cursor, attributes, excludedAttributes, sortBy, descending);
  }

  public SearchRequest withCount(int value) {
    return new SearchRequest(
        filter, startIndex, value, cursor, attributes, excludedAttributes, sortBy, descending);
  }

  /** Cursor paging instead of index paging: drops {@code startIndex}. */
  public SearchRequest withCursor(@Nullable String value) {
    return new SearchRequest(
        filter, null, count, value, attributes, excludedAttributes, sortBy, descending);
  }

  public SearchRequest withAttributes(List<String> value) {
    return new SearchRequest(
        filter, startIndex, count, cursor, value, excludedAttributes, sortBy, descending);
  }

  public SearchRequest withExcludedAttributes(List<String> value) {
    return new SearchRequest(
        filter, startIndex, count, cursor, attributes, value, sortBy, descending);
  }

  /** Sorted by this attribute, ascending or descending (RFC 7644 §3.4.2.3). */
  public SearchRequest sortedBy(String attribute, boolean descendingOrder) {
    return new SearchRequest(
        filter,
        startIndex,
        count,
        cursor,
        attributes,
        excludedAttributes,
        attribute,
        descendingOrder);
  }
}
