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
 * The worker's small HTTP side: {@code /metrics} for Prometheus, {@code /health/ready} (it can take
 * jobs: Redis answers and the job server runs) and {@code /health/live} (503 only in a state the
 * process cannot leave by itself; an unreachable Redis or target is not one).
 */
public final class MetricsServer implements AutoCloseable {
  private final HttpServer server;

  public MetricsServer(int port, PrometheusMeterRegistry registry, BooleanSupplier ready) {
    this(port, registry, ready, () -> true);
  }

  public MetricsServer(
      int port, PrometheusMeterRegistry registry, BooleanSupplier ready, BooleanSupplier live) {
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    server.createContext(
        "/metrics",
        exchange ->
            send(exchange, 200, registry.scrape(), "text/plain; version=0.0.4; charset=utf-8"));
    server.createContext("/health/live", exchange -> health(exchange, live.getAsBoolean()));
    server.createContext("/health/ready", exchange -> health(exchange, ready.getAsBoolean()));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void health(HttpExchange exchange, boolean up) throws IOException {
    send(
        exchange,
        up ? 200 : 503,
        "{\"status\":\"" + (up ? "up" : "down") + "\"}",
        "application/json");
  }

  private static void send(HttpExchange exchange, int status, String body, String type)
      throws IOException {
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
