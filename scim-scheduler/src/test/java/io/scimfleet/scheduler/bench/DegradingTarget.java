package io.scimfleet.scheduler.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A target that degrades above {@code capacity} requests at once, in a process of its own: each
 * request takes 20 ms; beyond the capacity it is refused with 503 (the way an overloaded SaaS
 * answers). {@code GET /stats} answers {@code <served> <refused> <peak in flight>} and resets the
 * peak. Prints its base URL on one line; serves until its stdin closes.
 */
public final class DegradingTarget {
  private static final AtomicInteger inFlight = new AtomicInteger();
  private static final AtomicInteger peak = new AtomicInteger();
  private static final AtomicLong served = new AtomicLong();
  private static final AtomicLong refused = new AtomicLong();

  private DegradingTarget() {}

  public static void main(String[] args) throws IOException {
    int capacity = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/stats", DegradingTarget::stats);
    server.createContext("/scim/v2/Users", exchange -> serve(exchange, capacity));
    server.start();
    System.out.println("http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2");
    System.out.flush();
    while (System.in.read() >= 0) {
      // serve until the parent goes away
    }
    server.stop(0);
  }

  private static void serve(HttpExchange exchange, int capacity) throws IOException {
    int now = inFlight.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(20);
      if (now > capacity) {
        refused.incrementAndGet();
        answer(exchange, 503, "{\"status\":\"503\",\"detail\":\"overloaded\"}");
      } else {
        served.incrementAndGet();
        answer(exchange, 200, "{\"totalResults\":0,\"Resources\":[]}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static void stats(HttpExchange exchange) throws IOException {
    answer(
        exchange, 200, served.get() + " " + refused.get() + " " + peak.getAndSet(inFlight.get()));
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/scim+json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
