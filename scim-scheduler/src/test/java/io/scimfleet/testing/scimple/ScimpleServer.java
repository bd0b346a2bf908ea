package io.scimfleet.testing.scimple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link ScimpleTarget} started from a test as a process of its own (SCIMple's CDI container and
 * Jersey stay out of the test's JVM), read back over its SCIM API with its token.
 */
public final class ScimpleServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Process process;
  private final String baseUrl;
  private final String token;

  private ScimpleServer(Process process, String baseUrl, String token) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** Starts it and waits (up to two minutes) for its ready line. */
  public static ScimpleServer start() {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            ScimpleTarget.class.getName());
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder log = new StringBuilder();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        log.append(line).append('\n');
        if (line.startsWith("bench-target ")) {
          String[] parts = line.split(" ", -1);
          drain(out);
          return new ScimpleServer(process, parts[1], parts[2]);
        }
      }
    } catch (IOException e) {
      process.destroyForcibly();
      throw new UncheckedIOException(e);
    }
    process.destroyForcibly();
    throw new IllegalStateException("SCIMple target ended before it was ready:\n" + log);
  }

  /** Keeps reading its output so that it never blocks on a full pipe. */
  private static void drain(BufferedReader out) {
    Thread drain =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // SCIMple's and Jersey's logging, not needed
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "scimple-output");
    drain.setDaemon(true);
    drain.start();
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String token() {
    return token;
  }

  public List<JsonNode> users() {
    return all("Users");
  }

  public List<JsonNode> groups() {
    return all("Groups");
  }

  /** Every resource of a type, page by page (100 a page). */
  private List<JsonNode> all(String type) {
    List<JsonNode> all = new ArrayList<>();
    for (int start = 1; ; start += 100) {
      JsonNode page = get(type + "?startIndex=" + start + "&count=100");
      page.path("Resources").forEach(all::add);
      if (page.path("Resources").size() < 100) return all;
    }
  }

  public JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/" + path))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200)
        throw new IllegalStateException(
            "GET " + path + " -> " + response.statusCode() + " " + response.body());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
