package io.scimfleet.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The worker's small HTTP side: {@code /metrics} for Prometheus, {@code /health/live} (the process
 * answers: never depends on Redis or targets) and {@code /health/ready} (it can take jobs).
 */
public final class MetricsServer implements AutoCloseable {
  private final HttpServer server;

  public MetricsServer(int port, PrometheusMeterRegistry registry, BooleanSupplier ready) {
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    server.createContext("/metrics", exchange -> send(exchange, 200, registry.scrape(), "text/plain; version=0.0.4; charset=utf-8"));
    server.createContext("/health/live", exchange -> send(exchange, 200, "{\"status\":\"up\"}", "application/json"));
    server.createContext("/health/ready", exchange -> {
      boolean up = ready.getAsBoolean();
      send(exchange, up ? 200 : 503, "{\"status\":\"" + (up ? "up" : "down") + "\"}", "application/json");
    });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void send(HttpExchange exchange, int status, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
