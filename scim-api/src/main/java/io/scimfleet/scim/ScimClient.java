package io.scimfleet.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.scim.internal.Answer;
import io.scimfleet.scim.internal.BulkSender;
import io.scimfleet.scim.internal.Call;
import io.scimfleet.scim.internal.ClientSettings;
import io.scimfleet.scim.internal.Discovery;
import io.scimfleet.scim.internal.OAuth2Tokens;
import io.scimfleet.scim.internal.Pager;
import io.scimfleet.scim.internal.Paths;
import io.scimfleet.scim.internal.PoolMetrics;
import io.scimfleet.scim.internal.ScimTransport;
import io.scimfleet.scim.internal.Searches;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A client for one SCIM 2.0 target (RFC 7644), safe for concurrent use; one connection pool per
 * client. Every failure is a {@link ScimException} that says whether a retry can help; the client
 * itself never retries. {@code endpoint} is a resource endpoint such as {@code Users} or {@code
 * Groups} (see {@link io.scimfleet.model.ObjectType#endpoint()}).
 */
public final class ScimClient implements AutoCloseable {
  /**
   * How many listing pages {@link #searchAll} asks for at once (never more than the connections): a
   * target's time per page is paid side by side.
   */
  static final int PAGES_AT_ONCE = 4;

  private final URI baseUrl;
  private final ScimTransport transport;
  private final Discovery discovery;
  private final Searches searches;
  private final BulkSender bulk;
  private final Authorization authorization;
  private final ExecutorService pagesAhead = Executors.newCachedThreadPool(ScimClient::pageReader);
  private final int pagesAtOnce;

  ScimClient(
      URI baseUrl,
      Authorization authorization,
      ClientSettings settings,
      RequestListener listener,
      RequestGate gate,
      PoolMetrics poolMetrics) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.transport =
        new ScimTransport(
            baseUrl,
            authorization,
            settings,
            listener,
            gate,
            new ScimErrors(authorization.secret(), settings.clock()),
            poolMetrics);
    this.discovery = new Discovery(transport, settings.discoveryTtl(), settings.clock());
    this.searches = new Searches(transport);
    this.bulk = new BulkSender(transport);
    this.pagesAtOnce = Math.min(PAGES_AT_ONCE, settings.maxConnections());
  }

  private static Thread pageReader(Runnable runnable) {
    Thread thread = new Thread(runnable, "scim-page-read-ahead");
    thread.setDaemon(true);
    return thread;
  }

  /** Starts a client for a base URL such as {@code https://example.com/scim/v2}. */
  public static ScimClientBuilder builder(URI baseUrl) {
    return new ScimClientBuilder(baseUrl);
  }

  /** POST; the answer must carry an {@code id}. */
  public ScimResource create(String endpoint, ObjectNode resource) {
    Call call = Call.of("POST", Paths.of(endpoint, null)).withBody(resource);
    ScimResource created = resource(call, transport.send(call));
    if (created.id() == null)
      throw transport
          .errors()
          .malformed(
              "POST",
              call.path(),
              201,
              "the created resource has no id",
              created.json().toString());
    return created;
  }

  public ScimResource get(String endpoint, String id) {
    Call call = Call.of("GET", Paths.of(endpoint, id));
    return resource(call, transport.send(call));
  }

  /**
   * GET of one resource, asking the target to leave these attributes out ({@code
   * ?excludedAttributes=members}).
   */
  public ScimResource get(String endpoint, String id, List<String> excludedAttributes) {
    if (excludedAttributes.isEmpty()) return get(endpoint, id);
    Call call =
        Call.of("GET", Paths.of(endpoint, id))
            .withQuery(Paths.query("excludedAttributes", String.join(",", excludedAttributes)));
    return resource(call, transport.send(call));
  }

  /** PUT; sends {@code If-Match} when a version is given and the target supports ETags. */
  public ScimResource replace(
      String endpoint, String id, ObjectNode resource, @Nullable String ifMatchVersion) {
    Call call =
        Call.of("PUT", Paths.of(endpoint, id))
            .withBody(resource)
            .withIfMatch(ifMatch(ifMatchVersion));
    return resource(call, transport.send(call));
  }

  /** PATCH; empty when the target answers 204 (or 200 without a body). */
  public Optional<ScimResource> patch(
      String endpoint, String id, PatchRequest patch, @Nullable String ifMatchVersion) {
    Call call =
        Call.of("PATCH", Paths.of(endpoint, id))
            .withBody(patch.toJson())
            .withIfMatch(ifMatch(ifMatchVersion));
    Answer answer = transport.send(call);
    return answer.hasBody() ? Optional.of(resource(call, answer)) : Optional.empty();
  }

  /** DELETE; sends {@code If-Match} when a version is given and the target supports ETags. */
  public void delete(String endpoint, String id, @Nullable String ifMatchVersion) {
    transport.send(Call.of("DELETE", Paths.of(endpoint, id)).withIfMatch(ifMatch(ifMatchVersion)));
  }

  /** One page, as asked. */
  public ListResponse search(String endpoint, SearchRequest request) {
    return searches.search(endpoint, request);
  }

  /**
   * Every match, fetched page by page as the stream is read (pages of min(100, filter.maxResults));
   * by cursor when the target announces RFC 9865 cursors, else by startIndex.
   */
  public Stream<ScimResource> searchAll(String endpoint, @Nullable Filter filter) {
    return searchAll(endpoint, filter, List.of());
  }

  /**
   * Like {@link #searchAll(String, Filter)}, asking only for these attributes ({@code id} always
   * comes); empty: all. {@code startIndex} pages after the first are asked for up to {@link
   * #PAGES_AT_ONCE} at a time, and handed out in order.
   */
  public Stream<ScimResource> searchAll(
      String endpoint, @Nullable Filter filter, List<String> attributes) {
    return searchAll(endpoint, filter, attributes, PatchRequest.DEFAULT_MAX_MEMBER_CHANGES);
  }

  /**
   * Like {@link #searchAll(String, Filter, List)}, in pages of up to {@code pageSize} objects
   * (never more than the target's {@code filter.maxResults}): fewer requests for small objects.
   */
  public Stream<ScimResource> searchAll(
      String endpoint, @Nullable Filter filter, List<String> attributes, int pageSize) {
    Pager pager =
        new Pager(
            request -> search(endpoint, request),
            firstPage(filter, pageSize).withAttributes(attributes),
            pagesAhead,
            pagesAtOnce);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pager, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** The first match, if any. Asks for one result only. */
  public Optional<ScimResource> findOne(String endpoint, Filter filter) {
    return search(endpoint, SearchRequest.of(filter).withStartIndex(1).withCount(1))
        .resources()
        .stream()
        .findFirst();
  }

  /**
   * Discovery, cached for the TTL; never fails on a missing or unreadable config (then defaults).
   */
  public Capabilities capabilities() {
    return discovery.capabilities();
  }

  public List<ResourceType> resourceTypes() {
    return discovery.resourceTypes();
  }

  /** {@code /Schemas}, as the target sent it; not cached. */
  public JsonNode schemas() {
    Call call = Call.of("GET", "/Schemas");
    return transport.json(call, transport.send(call));
  }

  /**
   * Sends the operations as Bulk requests of at most the target's maxOperations (and payload size),
   * in order; a {@code bulkId:} reference across a cut is resolved to the id the target returned.
   * One result per operation, in order.
   *
   * @throws IllegalStateException when the target does not announce Bulk support
   */
  public List<BulkResult> bulk(List<BulkOperation> operations) {
    Capabilities.Bulk limits = capabilities().bulk();
    if (!limits.supported())
      throw new IllegalStateException(
          baseUrl + " does not support Bulk: send the operations one by one");
    return operations.isEmpty() ? List.of() : bulk.send(operations, limits);
  }

  /**
   * Like {@link #bulk}, but a Bulk request that fails as a whole (a 413, a 5xx, a malformed answer)
   * does not stop the others: each of its operations gets a {@link BulkResult#missing} result
   * carrying that failure (status -1), for the caller to send on its own.
   *
   * @throws IllegalStateException when the target does not announce Bulk support
   */
  public List<BulkResult> bulkEachRequestOnItsOwn(List<BulkOperation> operations) {
    Capabilities.Bulk limits = capabilities().bulk();
    if (!limits.supported())
      throw new IllegalStateException(
          baseUrl + " does not support Bulk: send the operations one by one");
    return operations.isEmpty() ? List.of() : bulk.send(operations, limits, true);
  }

  private SearchRequest firstPage(@Nullable Filter filter, int pageSize) {
    Capabilities capabilities = capabilities();
    int count = Math.max(1, Math.min(pageSize, capabilities.filter().maxResults()));
    SearchRequest first = new SearchRequest(filter, 1, count, null, List.of());
    return capabilities.cursorPaging() ? first.withCursor("") : first;
  }

  private @Nullable String ifMatch(@Nullable String version) {
    return version != null && capabilities().etag() ? version : null;
  }

  private ScimResource resource(Call call, Answer answer) {
    return new ScimResource(transport.object(call, answer), answer.etag());
  }

  /**
   * Requests this client has under way; a client replaced by a newer one is closed once this is 0.
   */
  public int requestsInFlight() {
    return transport.inFlight();
  }

  @Override
  public void close() {
    pagesAhead.shutdownNow();
    transport.close();
    if (authorization instanceof OAuth2Tokens tokens) tokens.close();
  }

  @Override
  public String toString() {
    return "ScimClient[" + baseUrl + "]";
  }
}
