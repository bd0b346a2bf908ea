package io.scimfleet.scheduler.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

/**
 * Real HTTP against {@code /scim/v2}, shaped as identity providers send it: {@code
 * scim.post("/Users", json)}, with the bearer token and {@code application/scim+json}.
 */
public final class ScimCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;
  private final String token;

  public ScimCalls(int port, String token) {
    this.port = port;
    this.token = token;
  }

  public ScimCalls withToken(String other) {
    return new ScimCalls(port, other);
  }

  public String base() {
    return "http://127.0.0.1:" + port + "/scim/v2";
  }

  /** A response: status, headers, body, and the body as JSON. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }

    /** The new resource's id, from a 201. */
    public String id() {
      return json().path("id").asText();
    }
  }

  /** A GET with this client's token on a path outside {@code /scim/v2}. */
  public Answer outside(String path) {
    return send("GET", "/../.." + path, null, Map.of());
  }

  public Answer get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  public Answer post(String path, String json) {
    return send("POST", path, json, Map.of());
  }

  public Answer put(String path, String json) {
    return send("PUT", path, json, Map.of());
  }

  public Answer patch(String path, String json) {
    return send("PATCH", path, json, Map.of());
  }

  public Answer send(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path).normalize())
            .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
    if (json != null) request.header("Content-Type", "application/scim+json; charset=utf-8");
    if (token != null) request.header("Authorization", "Bearer " + token);
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
      Map<String, String> flat = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      response.headers().map().forEach((name, values) -> flat.put(name, String.join(",", values)));
      return new Answer(response.statusCode(), flat, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
