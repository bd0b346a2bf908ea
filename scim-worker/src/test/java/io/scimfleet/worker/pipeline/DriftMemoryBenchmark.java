package io.scimfleet.worker.pipeline;

import static io.scimfleet.testing.ProviderBuilder.aProvider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.TestSecurity;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drift check ({@link DriftRepair}) of {@code args[0]} target users (default 200,000), all
 * managed (a sync state each in real Redis under its own prefix, removed after), listed by an
 * in-process SCIM target that makes its pages up. Prints one line: objects, peak heap (MiB, the
 * heap pools' peaks since the seeding, summed: an upper bound), max heap and time. Run it in its
 * own JVM with the heap to prove ({@code bench/memory.sh} uses -Xmx256m).
 */
public final class DriftMemoryBenchmark {
  private static final Pattern START = Pattern.compile("startIndex\"?[=:]\"?(\\d+)");
  private static final Pattern COUNT = Pattern.compile("count\"?[=:]\"?(\\d+)");

  private static final AtomicLong LISTED = new AtomicLong();
  private static final AtomicLong OTHER_REQUESTS = new AtomicLong();

  private DriftMemoryBenchmark() {}

  public static void main(String[] args) throws IOException {
    int objects = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    HttpServer target = fakeTarget(objects);
    FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
    try (RedisFixture redis = RedisFixture.open(DriftMemoryBenchmark.class)) {
      Stores stores = RedisStores.create(redis.pool(), redis.prefix());
      seed(stores, objects);
      stores
          .providers()
          .put(
              aProvider("bench")
                  .at("http://127.0.0.1:" + target.getAddress().getPort() + "/scim/v2")
                  .withCredential(Credential.inline("t0ken"))
                  .build());
      ProviderContexts contexts =
          new ProviderContexts(
              stores.providers(),
              metrics,
              RateLimiter.local(),
              TestSecurity.settings(),
              stores.directory());
      ProviderHealth health = new ProviderHealth(stores.quarantines(), Clock.systemUTC());
      ObjectSync sync =
          new ObjectSync(stores, new ScimSchemaValidator(), metrics, health, Clock.systemUTC());
      ProviderContext ctx = contexts.get("bench").orElseThrow();
      System.gc();
      heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      DriftRepair.Result result = new DriftRepair(stores, sync).run(ctx, Instant.now());
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "drift\t%d objects\t%d listed, %d other requests, %s\tpeak heap %.0f MiB\tmax heap %.0f MiB\t%.1f s%n",
          objects,
          LISTED.get(),
          OTHER_REQUESTS.get(),
          result.errors().isEmpty() ? "no errors" : result.errors().get(0),
          heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0,
          seconds);
      contexts.close();
    } finally {
      target.stop(0);
    }
  }

  private static void seed(Stores stores, int objects) {
    Instant before = Instant.now().minusSeconds(3600);
    List<ObjectSyncState> batch = new ArrayList<>();
    for (int i = 0; i < objects; i++) {
      batch.add(
          ObjectSyncState.builder("bench", ObjectType.USER, "user-" + i)
              .remoteId("r-" + i)
              .payloadHash("h")
              .time(before)
              .outcome(SyncOutcome.UPDATED)
              .pathsSent(List.of("userName"))
              .build());
      if (batch.size() == 1000 || i == objects - 1) {
        stores.syncState().putAll(batch);
        batch = new ArrayList<>();
      }
    }
  }

  /** Users r-0 … r-(n-1) by startIndex; no groups; nothing else. */
  private static HttpServer fakeTarget(int users) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/scim/v2/Users", exchange -> answer(exchange, 200, listing(exchange, users)));
    server.createContext(
        "/scim/v2/Groups", exchange -> answer(exchange, 200, listing(exchange, 0)));
    server.createContext(
        "/",
        exchange -> {
          OTHER_REQUESTS.incrementAndGet();
          answer(exchange, 404, "{}");
        });
    server.start();
    return server;
  }

  private static String listing(HttpExchange exchange, int total) throws IOException {
    String asked =
        exchange.getRequestURI().getRawQuery()
            + " "
            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int start = number(START.matcher(asked), 1);
    int count = number(COUNT.matcher(asked), 100);
    StringBuilder resources = new StringBuilder();
    int end = Math.min(total, start - 1 + count);
    LISTED.addAndGet(Math.max(0, end - start + 1));
    for (int i = start - 1; i < end; i++) {
      if (resources.length() > 0) resources.append(',');
      resources
          .append("{\"id\":\"r-")
          .append(i)
          .append("\",\"userName\":\"user-")
          .append(i)
          .append("\"}");
    }
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":"
        + total
        + ",\"startIndex\":"
        + start
        + ",\"itemsPerPage\":"
        + Math.max(0, end - start + 1)
        + ",\"Resources\":["
        + resources
        + "]}";
  }

  private static int number(Matcher matcher, int fallback) {
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : fallback;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/scim+json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .toList();
  }
}
