package io.scimfleet.scheduler.bench;

import io.scimfleet.ratelimit.AdaptiveLimiter;
import io.scimfleet.scim.RequestGate;
import io.scimfleet.scim.RequestListener;
import io.scimfleet.store.redis.RedisAdaptiveLimits;
import io.scimfleet.testing.RedisFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Adaptive concurrency (issue 23): {@code workers} worker processes' limiters (each its own {@link
 * AdaptiveLimiter}, one fleet limit in Redis), each with {@code threads} threads that send as fast
 * as they may, against a {@link DegradingTarget} in another process that refuses above {@code
 * capacity} requests at once. Prints, every second, the fleet's limit, the target's peak in-flight
 * requests and the answers; at the end the mean limit over the second half and the share refused.
 * Arguments: capacity (12), workers (3), threads per worker (16), seconds (30).
 */
public final class AdaptiveBenchmark {
  private AdaptiveBenchmark() {}

  public static void main(String[] args) throws Exception {
    int capacity = arg(args, 0, 12);
    int workers = arg(args, 1, 3);
    int threads = arg(args, 2, 16);
    int seconds = arg(args, 3, 30);
    Process target =
        new ProcessBuilder(
                "java",
                "-cp",
                System.getProperty("java.class.path"),
                DegradingTarget.class.getName(),
                Integer.toString(capacity))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (RedisFixture redis = RedisFixture.open(AdaptiveBenchmark.class)) {
      String base =
          new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      run(redis, base, capacity, workers, threads, seconds);
    } finally {
      target.getOutputStream().close();
      target.waitFor();
    }
    System.exit(0);
  }

  private static void run(
      RedisFixture redis, String base, int capacity, int workers, int threads, int seconds)
      throws Exception {
    URI users = URI.create(base + "/Users");
    String host = AdaptiveLimiter.hostOf(users);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<AdaptiveLimiter> limiters = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers * threads);
    for (int w = 0; w < workers; w++) {
      AdaptiveLimiter limiter =
          new AdaptiveLimiter(
              new RedisAdaptiveLimits(redis.pool(), redis.keys()), Clock.systemUTC(), h -> {});
      limiters.add(limiter);
      RequestGate gate = limiter.gate(host, 1000);
      RequestListener listener = limiter.listener();
      for (int t = 0; t < threads; t++) pool.execute(() -> send(http, users, gate, listener));
    }
    System.out.printf(
        "capacity %d, %d workers x %d threads, %d s%n", capacity, workers, threads, seconds);
    System.out.println("second  fleet-limit  shares  target-peak  served/s  refused/s");
    long[] last = stats(http, base);
    double sum = 0;
    int counted = 0;
    long servedTotal = 0;
    long refusedTotal = 0;
    for (int s = 1; s <= seconds; s++) {
      Thread.sleep(1000);
      long[] now = stats(http, base);
      double limit = limiters.get(0).limit(host);
      int shares = limiters.stream().mapToInt(l -> l.allowed(host)).sum();
      long served = now[0] - last[0];
      long refused = now[1] - last[1];
      System.out.printf(
          "%6d  %11.1f  %6d  %11d  %8d  %9d%n", s, limit, shares, now[2], served, refused);
      if (s > seconds / 2) {
        sum += limit;
        counted++;
        servedTotal += served;
        refusedTotal += refused;
      }
      last = now;
    }
    System.out.printf(
        "second half: mean fleet limit %.1f (capacity %d), %.1f%% refused, %d served/s%n",
        sum / counted,
        capacity,
        100.0 * refusedTotal / Math.max(1, servedTotal + refusedTotal),
        servedTotal / Math.max(1, counted));
    pool.shutdownNow();
    limiters.forEach(AdaptiveLimiter::close);
  }

  private static void send(HttpClient http, URI uri, RequestGate gate, RequestListener listener) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        gate.beforeRequest("GET", "Users");
      } catch (IllegalStateException interrupted) {
        return;
      }
      long started = System.nanoTime();
      int status = -1;
      try {
        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.io.IOException e) {
        status = -1;
      } finally {
        listener.onRequest("GET", "Users", status, Duration.ofNanos(System.nanoTime() - started));
      }
    }
  }

  private static long[] stats(HttpClient http, String base) throws Exception {
    URI stats = URI.create(base.substring(0, base.indexOf("/scim")) + "/stats");
    String body =
        http.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    String[] parts = body.trim().split(" ", -1);
    return new long[] {
      Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])
    };
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }
}
