package io.scimfleet.scim.internal;

import io.scimfleet.scim.ListResponse;
import io.scimfleet.scim.ScimResource;
import io.scimfleet.scim.SearchRequest;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;

/**
 * Walks every page of a search, fetching a page only when the previous one is used up. Follows
 * {@code nextCursor} while the target sends one, else {@code startIndex}. Never trusts {@code
 * totalResults}: stops on an empty page, a page shorter than asked for, a cursor page without a
 * next cursor, a cursor seen before, or a page that repeats the previous one (a target that ignores
 * {@code startIndex}).
 */
public final class Pager implements Iterator<ScimResource> {
  private final Function<SearchRequest, ListResponse> search;
  private final Queue<ScimResource> buffer = new ArrayDeque<>();
  private final Set<String> cursors = new HashSet<>();
  private SearchRequest next;
  private String previousFirstId;

  public Pager(Function<SearchRequest, ListResponse> search, SearchRequest first) {
    this.search = search;
    this.next = first;
  }

  @Override
  public boolean hasNext() {
    while (buffer.isEmpty() && next != null) fetch();
    return !buffer.isEmpty();
  }

  @Override
  public ScimResource next() {
    if (!hasNext()) throw new NoSuchElementException();
    return buffer.remove();
  }

  private void fetch() {
    SearchRequest request = next;
    ListResponse page = search.apply(request);
    boolean repeated = repeats(page);
    if (!repeated) buffer.addAll(page.resources());
    next = repeated || page.resources().isEmpty() ? null : following(request, page);
  }

  private SearchRequest following(SearchRequest request, ListResponse page) {
    if (page.cursor().isPresent())
      return cursors.add(page.nextCursor()) ? request.withCursor(page.nextCursor()) : null;
    if (request.cursor() != null) return null;
    if (request.count() != null && page.resources().size() < request.count()) return null;
    return request.withStartIndex(startOf(request) + page.resources().size());
  }

  private boolean repeats(ListResponse page) {
    String firstId = page.resources().isEmpty() ? null : page.resources().get(0).id();
    boolean repeated = firstId != null && firstId.equals(previousFirstId);
    previousFirstId = firstId;
    return repeated;
  }

  private static int startOf(SearchRequest request) {
    return request.startIndex() == null ? 1 : request.startIndex();
  }
}
