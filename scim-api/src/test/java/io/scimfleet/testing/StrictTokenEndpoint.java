package io.scimfleet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OAuth 2.0 token endpoint as strict as those built on Express' body parser: a form whose {@code
 * Content-Type} names a charset other than UTF-8 is refused with 415; otherwise the body is decoded
 * as UTF-8 and the client credentials (in the form or as Basic) must match, or 401. Served by the
 * JDK's HTTP server on 127.0.0.1 and a free port.
 */
public final class StrictTokenEndpoint implements AutoCloseable {
  public static final String PATH = "/oauth2/token";

  private final HttpServer http;
  private final String clientId;
  private final String clientSecret;
  private final String accessToken;
  private final List<Integer> answers = new CopyOnWriteArrayList<>();

  private StrictTokenEndpoint(String clientId, String clientSecret, String accessToken)
      throws IOException {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.accessToken = accessToken;
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    http.createContext(PATH, this::handle);
    http.start();
  }

  /** Issues {@code accessToken} to the client with exactly these credentials. */
  public static StrictTokenEndpoint issuing(String accessToken, String clientId, String secret) {
    try {
      return new StrictTokenEndpoint(clientId, secret, accessToken);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + PATH);
  }

  /** The status of every answer given, in order. */
  public List<Integer> answers() {
    return List.copyOf(answers);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (!isUtf8Form(type)) {
        answer(exchange, 415, "{\"error\":\"unsupported charset\"}");
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> form = form(body);
      basic(exchange.getRequestHeaders().getFirst("Authorization"), form);
      boolean known =
          clientId.equals(form.get("client_id")) && clientSecret.equals(form.get("client_secret"));
      answer(
          exchange,
          known ? 200 : 401,
          known
              ? "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\"}"
              : "{\"error\":\"invalid_client\"}");
    }
  }

  /** No charset, or UTF-8 in any case and with or without quotes, as Express' body parser. */
  static boolean isUtf8Form(String contentType) {
    if (contentType == null) return false;
    String[] parts = contentType.split(";", -1);
    if (!parts[0].strip().equalsIgnoreCase("application/x-www-form-urlencoded")) return false;
    for (int i = 1; i < parts.length; i++) {
      String[] pair = parts[i].strip().split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        String charset = pair[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (!charset.equals("utf-8")) return false;
      }
    }
    return true;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&", -1)) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2) {
        form.put(decode(kv[0]), decode(kv[1]));
      }
    }
    return form;
  }

  /** Basic credentials are the form-encoded id and secret, joined by a colon (RFC 6749 §2.3.1). */
  private static void basic(String authorization, Map<String, String> form) {
    if (authorization == null || !authorization.startsWith("Basic ")) return;
    String pair =
        new String(
            Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    String[] idAndSecret = pair.split(":", 2);
    form.put("client_id", decode(idAndSecret[0]));
    form.put("client_secret", decode(idAndSecret[1]));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private void answer(HttpExchange exchange, int status, String json) throws IOException {
    answers.add(status);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
