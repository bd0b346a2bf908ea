package io.scimfleet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The passwords a test SCIM server accepted: from a create or replace body, or a PATCH operation on
 * {@code password}.
 */
public final class ReceivedPasswords {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One password as received, and the method that carried it. */
  public record Received(String method, String password) {}

  private final List<Received> received = new ArrayList<>();

  synchronized void record(String method, String body) {
    if (body == null || body.isEmpty() || !body.contains("password")) return;
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      return;
    }
    String verb = method.toUpperCase(Locale.ROOT);
    if (request.path("password").isTextual())
      received.add(new Received(verb, request.path("password").asText()));
    for (JsonNode operation : request.path("Operations")) {
      String path = operation.path("path").asText("");
      JsonNode value = operation.path("value");
      if (path.equalsIgnoreCase("password") && value.isTextual())
        received.add(new Received(verb, value.asText()));
      if (path.isEmpty() && value.path("password").isTextual())
        received.add(new Received(verb, value.path("password").asText()));
    }
  }

  synchronized List<Received> all() {
    return List.copyOf(received);
  }

  synchronized void clear() {
    received.clear();
  }
}
