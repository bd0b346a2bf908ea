package io.scimfleet.scim.internal;

import io.scimfleet.scim.ListResponse;
import io.scimfleet.scim.ScimResource;
import io.scimfleet.scim.SearchRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Walks every page of a search, fetching a page only when the previous one is used up. Follows
 * {@code nextCursor} while the target sends one, else {@code startIndex}. Never trusts {@code
 * totalResults} to stop early: stops on an empty page, a page shorter than asked for that {@code
 * totalResults} says is the last (a target may cap a page below what it announces), a cursor page
 * without a next cursor, a cursor seen before, or a page that repeats the previous one (a target
 * that ignores {@code startIndex}).
 *
 * <p>With read-ahead, {@code startIndex} pages after the first are asked for before they are
 * needed, up to that many at once, on the given executor: the target's time per page is paid side
 * by side, not one page after the other, up to the last {@code totalResults}. Pages are still
 * handed out in order and the same stops apply; what was asked for past the stop is dropped. Cursor
 * pages are read one after the other (a cursor is known only from the page before).
 */
public final class Pager implements Iterator<ScimResource> {
  private final Function<SearchRequest, ListResponse> search;
  private final Queue<ScimResource> buffer = new ArrayDeque<>();
  private final Set<String> cursors = new HashSet<>();
  private final Deque<Ahead> ahead = new ArrayDeque<>();
  private final Executor executor;
  private final int readAhead;
  private @Nullable SearchRequest next;
  private @Nullable String previousFirstId;
  private long totalResults;

  /** A page asked for before it is needed. */
  private record Ahead(SearchRequest request, CompletableFuture<ListResponse> page) {}

  public Pager(Function<SearchRequest, ListResponse> search, SearchRequest first) {
    this(search, first, Runnable::run, 0);
  }

  /**
   * @param readAhead how many {@code startIndex} pages may be asked for at once; 0 or 1: one at a
   *     time
   */
  public Pager(
      Function<SearchRequest, ListResponse> search,
      SearchRequest first,
      Executor executor,
      int readAhead) {
    this.search = search;
    this.next = first;
    this.executor = executor;
    this.readAhead = readAhead;
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
    SearchRequest request = Objects.requireNonNull(next, "fetched only while there is a next page");
    ListResponse page = pageFor(request);
    boolean repeated = repeats(page);
    totalResults = page.totalResults();
    if (!repeated) buffer.addAll(page.resources());
    next = repeated || page.resources().isEmpty() ? null : following(request, page);
    if (next == null || next.cursor() != null) dropAhead();
    else askAhead(next);
  }

  /** The page asked for ahead, when it is this request's; else asked for now. */
  private ListResponse pageFor(SearchRequest request) {
    Ahead first = ahead.peekFirst();
    if (first == null || !first.request().equals(request)) {
      dropAhead();
      return search.apply(request);
    }
    ahead.removeFirst();
    try {
      return first.page().join();
    } catch (CompletionException failed) {
      dropAhead();
      if (failed.getCause() instanceof RuntimeException cause) throw cause;
      throw failed;
    }
  }

  /**
   * Keeps {@code from} and the full pages after it asked for, up to {@link #readAhead}, and none
   * past the last {@code totalResults}: that bounds only what is asked ahead (a page past it is
   * still read, one by one, until a stop).
   */
  private void askAhead(SearchRequest from) {
    if (readAhead < 2 || from.count() == null) return;
    SearchRequest request =
        ahead.isEmpty() ? from : ahead.peekLast().request().withStartIndex(after(ahead.peekLast()));
    while (ahead.size() < readAhead && startOf(request) <= totalResults) {
      SearchRequest asked = request;
      ahead.addLast(
          new Ahead(asked, CompletableFuture.supplyAsync(() -> search.apply(asked), executor)));
      request = asked.withStartIndex(startOf(asked) + Objects.requireNonNull(asked.count()));
    }
  }

  private static int after(Ahead last) {
    return startOf(last.request()) + Objects.requireNonNull(last.request().count());
  }

  private void dropAhead() {
    ahead.forEach(page -> page.page().cancel(false));
    ahead.clear();
  }

  private @Nullable SearchRequest following(SearchRequest request, ListResponse page) {
    if (page.cursor().isPresent())
      return cursors.add(page.nextCursor()) ? request.withCursor(page.nextCursor()) : null;
    if (request.cursor() != null) return null;
    int after = startOf(request) + page.resources().size();
    if (request.count() != null
        && page.resources().size() < request.count()
        && after > page.totalResults()) return null;
    return request.withStartIndex(after);
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
