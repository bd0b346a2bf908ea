package io.scimfleet.scheduler.bench;

import io.javalin.Javalin;
import io.scimfleet.scheduler.http.ApiThreads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The HTTP floor of the fleet's API write: a bare Javalin server in a process of its own (one PUT
 * route that reads the body and answers a small JSON, no Redis, no job), driven like the bench's
 * change runs (one new user a request, at the runs' pace, on one keep-alive client). Its CPU per
 * PUT is the part of the fleet's CPU per change that Jetty, Javalin and the kernel take before the
 * fleet's own code runs.
 */
final class ApiFloor {
  private static final Pattern READY = Pattern.compile("bare-api ready: port (\\d+)");
  private static final int PUTS = 1_000;

  private ApiFloor() {}

  /** The server's side: {@code java … ApiFloor} answers on a free port and prints it. */
  public static void main(String[] args) {
    Javalin app =
        Javalin.create(
                config -> {
                  pool(config);
                  config.routes.put(
                      "/api/v1/users/{id}",
                      ctx -> {
                        byte[] body = ctx.bodyAsBytes();
                        ctx.status(200)
                            .contentType("application/json")
                            .result(
                                "{\"id\":\""
                                    + ctx.pathParam("id")
                                    + "\",\"bytes\":"
                                    + body.length
                                    + "}");
                      });
                })
            .start(0);
    System.out.println("bare-api ready: port " + app.port());
  }

  /** -Dfloor.pool=api: the API's own thread pool ({@link ApiThreads}), else Javalin's. */
  private static void pool(io.javalin.config.JavalinConfig config) {
    if ("api".equals(System.getProperty("floor.pool"))) config.jetty.threadPool = ApiThreads.pool();
  }

  /** Experiments: java … ApiFloor$Variants PACE [jvm options of a variant]… each a string. */
  static final class Variants {
    public static void main(String[] args) throws Exception {
      int pace = Integer.parseInt(args[0]);
      List<String> jvm = DeployedJvm.forBench(DeployedJvm.Component.SCHEDULER);
      for (int round = 0; round < 2; round++) {
        for (int i = 1; i < args.length; i++) {
          List<String> options = new ArrayList<>(jvm);
          if (!args[i].isBlank()) options.addAll(List.of(args[i].split(" ")));
          double cpu = cpuPerPut(options, pace, Path.of("target", "floor-" + i + ".log"));
          System.out.printf("round %d pace %d [%s]: %.3f ms%n", round, pace, args[i], cpu);
        }
      }
    }
  }

  /**
   * CPU milliseconds per PUT over {@value #PUTS} PUTs at {@code pace} a second, after as many to
   * warm up; the server runs with {@code jvmOptions}.
   */
  static double cpuPerPut(List<String> jvmOptions, int pace, Path log) throws Exception {
    List<String> args = new ArrayList<>(jvmOptions);
    args.addAll(List.of("-cp", System.getProperty("java.class.path"), ApiFloor.class.getName()));
    try (BenchProcess server = BenchProcess.java(args, List.of(), Map.of(), log)) {
      String base = "http://127.0.0.1:" + server.await(READY) + "/api/v1/users/";
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      puts(client, base, "warm-", pace);
      long cpu = server.cpuMillis();
      puts(client, base, "floor-", pace);
      return (server.cpuMillis() - cpu) / (double) PUTS;
    }
  }

  /** The API body of a new user {@code id}, as the bench's change runs send it. */
  static String newUser(String id) {
    return "{\"username\":\""
        + id
        + "\",\"name\":\"Latency "
        + id
        + "\",\"email\":\""
        + id
        + "@example.org\"}";
  }

  private static void puts(HttpClient client, String base, String prefix, int pace)
      throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < PUTS; i++) {
      String id = String.format("%s%05d", prefix, i);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + id))
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(newUser(id)))
              .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200)
        throw new IllegalStateException("bare API answered " + response.statusCode());
      long next = start + (i + 1) * 1_000_000_000L / pace;
      long wait = next - System.nanoTime();
      if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
