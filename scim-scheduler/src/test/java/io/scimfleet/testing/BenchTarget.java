package io.scimfleet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks' SCIM target, a process of its own: the SCIM-SDK server of the tests, each request
 * held {@code latencyMs} first, and a {@code /bench} route that tells the driver the writes it took
 * (count, first and last time) and when each user was created. Prints {@code bench-target <baseUrl>
 * <token>} once it listens. Run: {@code java -cp ... io.scimfleet.testing.BenchTarget [latencyMs]}.
 */
public final class BenchTarget {
  private static final Pattern USER_NAME = Pattern.compile("\"userName\"\\s*:\\s*\"([^\"]+)\"");

  private final long latencyMs;
  private final RequestCounts counts = new RequestCounts();
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong firstWrite = new AtomicLong();
  private final AtomicLong lastWrite = new AtomicLong();
  private final Map<String, Long> created = new ConcurrentHashMap<>();

  private BenchTarget(long latencyMs) {
    this.latencyMs = latencyMs;
  }

  public static void main(String[] args) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    long latency = args.length > 0 ? Long.parseLong(args[0]) : 0;
    ScimSdkServer.Options options = ScimSdkServer.Options.defaults();
    BenchTarget target = new BenchTarget(latency);
    ScimHttpHandler scim =
        new ScimHttpHandler(
            new ScimSdkEndpoint(options), options.token(), target.counts, new ReceivedPasswords());
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    http.createContext(ScimSdkServer.PATH, exchange -> target.scim(exchange, scim));
    http.createContext("/bench", target::bench);
    http.setExecutor(Executors.newFixedThreadPool(128, Daemons.named("bench-target")));
    http.start();
    System.out.println(
        "bench-target http://127.0.0.1:"
            + http.getAddress().getPort()
            + ScimSdkServer.PATH
            + " "
            + options.token());
    System.out.flush();
  }

  private void scim(HttpExchange exchange, ScimHttpHandler scim) throws IOException {
    if (latencyMs > 0) pause();
    String method = exchange.getRequestMethod();
    if (method.equals("GET")) reads.incrementAndGet();
    else {
      long now = System.currentTimeMillis();
      writes.incrementAndGet();
      firstWrite.compareAndSet(0, now);
      lastWrite.set(now);
    }
    String path = exchange.getRequestURI().getPath();
    if (method.equals("POST") && (path.endsWith("/Users") || path.endsWith("/Bulk"))) {
      // a create, or a Bulk request: each userName in it (Bulk updates carry none: PATCH ops)
      byte[] body = exchange.getRequestBody().readAllBytes();
      Matcher name = USER_NAME.matcher(new String(body, StandardCharsets.UTF_8));
      while (name.find()) created.putIfAbsent(name.group(1), System.currentTimeMillis());
      exchange.setStreams(new ByteArrayInputStream(body), null);
    }
    scim.handle(exchange);
  }

  /**
   * {@code /bench/counts}: "writes first last reads"; {@code /bench/reset}; {@code
   * /bench/created?prefix}: "userName millis" lines.
   */
  private void bench(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String body =
          switch (path) {
            case "/bench/counts" ->
                writes.get() + " " + firstWrite.get() + " " + lastWrite.get() + " " + reads.get();
            case "/bench/reset" -> {
              writes.set(0);
              reads.set(0);
              firstWrite.set(0);
              lastWrite.set(0);
              yield "ok";
            }
            case "/bench/created" ->
                createdWith(String.valueOf(exchange.getRequestURI().getQuery()));
            default -> "unknown";
          };
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    }
  }

  private String createdWith(String prefix) {
    StringBuilder lines = new StringBuilder();
    created.forEach(
        (name, time) -> {
          if (name.startsWith(prefix)) lines.append(name).append(' ').append(time).append('\n');
        });
    return lines.toString();
  }

  private void pause() {
    try {
      Thread.sleep(latencyMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
