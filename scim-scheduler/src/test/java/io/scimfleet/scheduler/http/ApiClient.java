package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * Real HTTP against the API: {@code api.put("/api/v1/users/u1", "{...}")}, with or without the
 * admin token.
 */
final class ApiClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  ApiClient(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  ApiClient withToken(String other) {
    return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
  }

  /** A response: status, raw body, and the body as JSON (null when it is not). */
  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return ApiJson.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String error() {
      return json().path("error").asText();
    }
  }

  Answer get(String path) {
    return send("GET", path, BodyPublishers.noBody(), null);
  }

  Answer delete(String path) {
    return send("DELETE", path, BodyPublishers.noBody(), null);
  }

  Answer put(String path, String json) {
    return send("PUT", path, BodyPublishers.ofString(json), "application/json");
  }

  Answer post(String path, String json) {
    return send("POST", path, BodyPublishers.ofString(json), "application/json");
  }

  Answer send(String method, String path, BodyPublisher body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
    if (contentType != null) request.header("Content-Type", contentType);
    if (token != null) request.header("Authorization", "Bearer " + token);
    try {
      var response = http.send(request.build(), BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
