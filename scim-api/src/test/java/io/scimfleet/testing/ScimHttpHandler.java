package io.scimfleet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bridges the JDK's HTTP server to the SCIM-SDK: bearer check, counting, request and response
 * copying.
 */
final class ScimHttpHandler implements HttpHandler {
  private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

  private final ScimSdkEndpoint endpoint;
  private final String expectedAuthorization;
  private final RequestCounts counts;
  private final ReceivedPasswords passwords;
  private volatile boolean holdingWrites;
  private final java.util.concurrent.atomic.AtomicLong writesRefused =
      new java.util.concurrent.atomic.AtomicLong();

  ScimHttpHandler(
      ScimSdkEndpoint endpoint, String token, RequestCounts counts, ReceivedPasswords passwords) {
    this.endpoint = endpoint;
    this.expectedAuthorization = "Bearer " + token;
    this.counts = counts;
    this.passwords = passwords;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      counts.record(exchange.getRequestMethod(), endpointOf(exchange));
      if (exchange.getRequestMethod().equals("GET"))
        counts.query(endpointOf(exchange), exchange.getRequestURI().getQuery());
      if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, Map.of(), error(401, "missing or wrong bearer token"));
        return;
      }
      if (holdingWrites && isWrite(exchange)) {
        writesRefused.incrementAndGet();
        send(
            exchange, 503, Map.of("Retry-After", "1"), error(503, "writes are held for this test"));
        return;
      }
      respond(exchange);
    }
  }

  /** While held, every write (discovery aside) is answered 503 with Retry-After: 1. */
  void holdWrites(boolean hold) {
    holdingWrites = hold;
  }

  long writesRefused() {
    return writesRefused.get();
  }

  private static boolean isWrite(HttpExchange exchange) {
    return !exchange.getRequestMethod().equalsIgnoreCase("GET");
  }

  private void respond(HttpExchange exchange) throws IOException {
    HttpMethod method = method(exchange.getRequestMethod());
    if (method == null) {
      send(exchange, 405, Map.of(), error(405, exchange.getRequestMethod() + " is not supported"));
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    ScimResponse response =
        endpoint.handle(url(exchange), method, body.isEmpty() ? null : body, headers(exchange));
    if (response.getHttpStatus() / 100 == 2) passwords.record(exchange.getRequestMethod(), body);
    send(
        exchange,
        response.getHttpStatus(),
        response.getHttpHeaders(),
        response.getHttpStatus() == 204 ? "" : response.toString());
  }

  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange
        .getResponseHeaders()
        .putIfAbsent("Content-Type", java.util.List.of("application/scim+json"));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) exchange.getResponseBody().write(bytes);
  }

  private static String url(HttpExchange exchange) {
    String uri =
        EscapedEquality.rewrite(exchange.getRequestURI().getRawPath() + rawQuery(exchange));
    return "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + uri;
  }

  private static String rawQuery(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    return query == null ? "" : "?" + query;
  }

  private static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name, String.join(",", values)));
    return headers;
  }

  private static String endpointOf(HttpExchange exchange) {
    String rest = exchange.getRequestURI().getPath().substring(ScimSdkServer.PATH.length());
    String trimmed = rest.startsWith("/") ? rest.substring(1) : rest;
    int slash = trimmed.indexOf('/');
    return slash < 0 ? trimmed : trimmed.substring(0, slash);
  }

  private static HttpMethod method(String name) {
    try {
      return HttpMethod.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String error(int status, String detail) {
    return "{\"schemas\":[\""
        + ERROR_SCHEMA
        + "\"],\"status\":\""
        + status
        + "\",\"detail\":\""
        + detail
        + "\"}";
  }
}
