package io.scimfleet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLContext;

/**
 * A real SCIM 2.0 server for tests: the SCIM-SDK {@code ResourceEndpoint} with in-memory Users and
 * Groups, served by the JDK's HTTP server on 127.0.0.1 and a free port. Bearer-token auth, PATCH,
 * filter, ETag and Bulk on; the Enterprise User extension announced (see {@link
 * Options#withEnterpriseUser}); {@code userName} and group {@code displayName} unique (409). Starts
 * in well under a second; one instance can serve many tests ({@link #reset()} between them).
 *
 * <pre>{@code
 * try (ScimSdkServer server = ScimSdkServer.start()) {
 *   ScimClient client = ScimClient.builder(server.baseUrl()).bearerToken(server.token()).build();
 * }
 * }</pre>
 */
public final class ScimSdkServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "/scim/v2";

  static {
    // the JDK server writes headers and body separately; without TCP_NODELAY each response waits
    // ~40 ms for a delayed ACK (Nagle). Read once, when the server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final Options options;
  private final ScimSdkEndpoint endpoint;
  private final RequestCounts counts = new RequestCounts();
  private final ReceivedPasswords passwords = new ReceivedPasswords();
  private final ExecutorService threads;
  private final HttpServer http;
  private final ScimHttpHandler handler;

  /**
   * What the server announces and enforces; {@link #defaults()} for the usual set-up.
   *
   * @param changePassword announce {@code changePassword.supported} (default false, the SCIM-SDK's
   *     own default)
   * @param enterpriseUser the User resource type has the Enterprise User extension, announced in
   *     {@code /ResourceTypes} and {@code /Schemas} (default true, the SCIM-SDK's own default);
   *     false: neither lists it, and the server does not know the extension
   * @param sort announce {@code sort.supported} and sort listings by {@code sortBy} with SCIM-SDK's
   *     own comparator (default false, the SCIM-SDK's own default: then {@code sortBy} is ignored)
   */
  public record Options(
      String token,
      int bulkMaxOperations,
      long bulkMaxPayloadSize,
      int maxResults,
      boolean etag,
      int threads,
      boolean changePassword,
      boolean enterpriseUser,
      boolean sort) {
    public Options(
        String token,
        int bulkMaxOperations,
        long bulkMaxPayloadSize,
        int maxResults,
        boolean etag,
        int threads) {
      this(token, bulkMaxOperations, bulkMaxPayloadSize, maxResults, etag, threads, false, true);
    }

    public Options(
        String token,
        int bulkMaxOperations,
        long bulkMaxPayloadSize,
        int maxResults,
        boolean etag,
        int threads,
        boolean changePassword,
        boolean enterpriseUser) {
      this(
          token,
          bulkMaxOperations,
          bulkMaxPayloadSize,
          maxResults,
          etag,
          threads,
          changePassword,
          enterpriseUser,
          false);
    }

    public Options withSort(boolean value) {
      return new Options(
          token,
          bulkMaxOperations,
          bulkMaxPayloadSize,
          maxResults,
          etag,
          threads,
          changePassword,
          enterpriseUser,
          value);
    }

    public Options withEnterpriseUser(boolean value) {
      return new Options(
          token,
          bulkMaxOperations,
          bulkMaxPayloadSize,
          maxResults,
          etag,
          threads,
          changePassword,
          value,
          sort);
    }

    public static Options defaults() {
      return new Options("test-token-" + UUID.randomUUID(), 50, 4L * 1024 * 1024, 200, true, 32);
    }

    public Options withChangePassword(boolean value) {
      return new Options(
          token,
          bulkMaxOperations,
          bulkMaxPayloadSize,
          maxResults,
          etag,
          threads,
          value,
          enterpriseUser,
          sort);
    }

    public Options withBulkMaxOperations(int value) {
      return new Options(
          token,
          value,
          bulkMaxPayloadSize,
          maxResults,
          etag,
          threads,
          changePassword,
          enterpriseUser,
          sort);
    }

    public Options withMaxResults(int value) {
      return new Options(
          token,
          bulkMaxOperations,
          bulkMaxPayloadSize,
          value,
          etag,
          threads,
          changePassword,
          enterpriseUser,
          sort);
    }

    public Options withEtag(boolean value) {
      return new Options(
          token,
          bulkMaxOperations,
          bulkMaxPayloadSize,
          maxResults,
          value,
          threads,
          changePassword,
          enterpriseUser,
          sort);
    }

    public Options withToken(String value) {
      return new Options(
          value,
          bulkMaxOperations,
          bulkMaxPayloadSize,
          maxResults,
          etag,
          threads,
          changePassword,
          enterpriseUser,
          sort);
    }
  }

  private ScimSdkServer(Options options, SSLContext tls) throws IOException {
    this.options = options;
    this.endpoint = new ScimSdkEndpoint(options);
    this.threads =
        Executors.newFixedThreadPool(options.threads(), Daemons.named("scim-sdk-server"));
    this.http = tls == null ? HttpServer.create(loopback(), 128) : https(tls);
    this.handler = new ScimHttpHandler(endpoint, options.token(), counts, passwords);
    http.createContext(PATH, handler);
    http.setExecutor(threads);
    http.start();
  }

  public static ScimSdkServer start() {
    return start(Options.defaults());
  }

  public static ScimSdkServer start(Options options) {
    return start(options, null);
  }

  /**
   * Served over HTTPS with the certificate of {@code tls} (see {@link
   * TestCertificates.Server#serverContext()}).
   */
  public static ScimSdkServer startHttps(Options options, SSLContext tls) {
    return start(options, Objects.requireNonNull(tls, "tls"));
  }

  private static ScimSdkServer start(Options options, SSLContext tls) {
    try {
      return new ScimSdkServer(options, tls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the SCIM-SDK test server", e);
    }
  }

  /**
   * {@code http://127.0.0.1:<port>/scim/v2} ({@code https://} when started with {@link
   * #startHttps}).
   */
  public URI baseUrl() {
    return baseUrl("127.0.0.1");
  }

  /** The base URL with another name for this machine, e.g. {@code localhost}. */
  public URI baseUrl(String host) {
    String scheme = http instanceof HttpsServer ? "https" : "http";
    return URI.create(scheme + "://" + host + ":" + http.getAddress().getPort() + PATH);
  }

  public String token() {
    return options.token();
  }

  public Options options() {
    return options;
  }

  /** The Users stored now, in creation order, as plain JSON copies. */
  public List<JsonNode> users() {
    return copies(endpoint.users().all());
  }

  public List<JsonNode> groups() {
    return copies(endpoint.groups().all());
  }

  /** The User with this userName, if the server holds one. */
  public Optional<JsonNode> userNamed(String userName) {
    return users().stream().filter(u -> u.path("userName").asText().equals(userName)).findFirst();
  }

  /**
   * The userNames of the members of the Group with this displayName ("?" for a member that is no
   * User here); empty when there is no such group.
   */
  public Set<String> memberNames(String groupName) {
    Map<String, String> namesById =
        users().stream()
            .collect(
                Collectors.toMap(u -> u.path("id").asText(), u -> u.path("userName").asText()));
    return groups().stream()
        .filter(g -> g.path("displayName").asText().equals(groupName))
        .findFirst()
        .map(
            g ->
                StreamSupport.stream(g.path("members").spliterator(), false)
                    .map(m -> namesById.getOrDefault(m.path("value").asText(), "?"))
                    .collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  /** Requests with this method since the last reset, discovery endpoints excluded. */
  public long requestCount(String method) {
    return counts.count(method);
  }

  /**
   * POST, PUT, PATCH and DELETE since the last reset, discovery excluded (a Bulk request counts
   * once).
   */
  public long writeRequestCount() {
    return counts.writes();
  }

  /**
   * The GETs since the last reset, discovery excluded, in order: endpoint and decoded query, e.g.
   * {@code Users?count=1&attributes=id,meta}.
   */
  public List<String> getQueries() {
    return counts.queries();
  }

  /** Requests to /ServiceProviderConfig, /ResourceTypes and /Schemas since the last reset. */
  public long discoveryRequestCount() {
    return counts.discovery();
  }

  /**
   * The passwords the server accepted (a 2xx answer) since the last reset, in order: each with the
   * method that carried it ({@code POST} for a create, {@code PATCH}, {@code PUT}).
   */
  public List<ReceivedPasswords.Received> passwordsReceived() {
    return passwords.all();
  }

  /**
   * From now on every write is answered 503 with {@code Retry-After: 1} (a target that is down for
   * a while), until released.
   */
  public void holdWrites() {
    handler.holdWrites(true);
  }

  public void releaseWrites() {
    handler.holdWrites(false);
  }

  /** Writes answered 503 because they were held. */
  public long writesRefused() {
    return handler.writesRefused();
  }

  public void resetCounts() {
    counts.reset();
  }

  /**
   * Makes the server take a User whose userName (a Group whose displayName) it holds already, as a
   * second resource, as targets that do not enforce uniqueness do; {@link #reset()} enforces it
   * again.
   */
  public void acceptDuplicateNames() {
    endpoint.users().acceptDuplicates(true);
    endpoint.groups().acceptDuplicates(true);
  }

  /** Removes every resource and resets the counts: a clean server for the next test. */
  public void reset() {
    endpoint.users().acceptDuplicates(false);
    endpoint.groups().acceptDuplicates(false);
    endpoint.clear();
    counts.reset();
    passwords.clear();
  }

  @Override
  public void close() {
    http.stop(0);
    threads.shutdownNow();
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private static HttpsServer https(SSLContext tls) throws IOException {
    HttpsServer server = HttpsServer.create(loopback(), 128);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return server;
  }

  private static List<JsonNode> copies(List<? extends ResourceNode> resources) {
    return resources.stream().map(ScimSdkServer::copy).toList();
  }

  private static JsonNode copy(ResourceNode resource) {
    try {
      return JSON.readTree(resource.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
