package io.scimfleet.scheduler;

import static org.awaitility.Awaitility.await;

import io.scimfleet.testing.TestSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scheduler or worker process started from its jar, with its log in target/processes and its HTTP
 * port read from it.
 */
final class FleetProcess implements AutoCloseable {
  static final Path WORKER_JAR = Path.of("..", "scim-worker", "target", "scim-worker.jar");
  static final Path SCHEDULER_JAR = Path.of("target", "scim-scheduler.jar");
  private static final Pattern WORKER_PORT =
      Pattern.compile("scim-worker ready: /metrics and health on port (\\d+)");
  private static final Pattern SCHEDULER_PORT =
      Pattern.compile("scim-scheduler ready: API on port (\\d+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  private final Pattern ready;
  private int port;

  /** Starts the process and returns at once: {@link #port()} waits until it is ready. */
  private FleetProcess(Process process, Path log, Pattern ready) {
    this.process = process;
    this.log = log;
    this.ready = ready;
  }

  /**
   * A worker (4 job threads) on the given Redis and key prefix; {@code name} is its server name and
   * log file.
   */
  static FleetProcess worker(String name, String redisUrl, String prefix) {
    // the key of TestSecurity, which sealed the inline tokens the tests store
    return new FleetProcess(
        launch(
            WORKER_JAR,
            name,
            Map.of(
                "REDIS_URL",
                redisUrl,
                "SCIM_REDIS_PREFIX",
                prefix,
                "SCIM_METRICS_PORT",
                "0",
                "HOSTNAME",
                name,
                "SCIM_WORKER_THREADS",
                "4",
                "SCIM_PAGE_THREADS",
                "4",
                "SCIM_SECRET_KEY",
                TestSecurity.KEY_BASE64)),
        logOf(name),
        WORKER_PORT);
  }

  /** A scheduler (API, change feed, dashboard; no job server) on the given Redis and key prefix. */
  static FleetProcess scheduler(String name, String redisUrl, String prefix, String adminToken) {
    return new FleetProcess(
        launch(
            SCHEDULER_JAR,
            name,
            Map.of(
                "REDIS_URL",
                redisUrl,
                "SCIM_REDIS_PREFIX",
                prefix,
                "SCIM_HTTP_PORT",
                "0",
                "SCIM_DASHBOARD_PORT",
                "0",
                "SCIM_ADMIN_TOKEN",
                adminToken,
                "SCIM_SECRET_KEY",
                TestSecurity.KEY_BASE64)),
        logOf(name),
        SCHEDULER_PORT);
  }

  /** The port it serves HTTP on, once its log says it is ready (waits up to a minute). */
  synchronized int port() {
    if (port > 0) return port;
    port =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> portIn(ready), found -> found > 0 || !process.isAlive());
    if (port <= 0)
      throw new IllegalStateException("the process stopped; see " + log.toAbsolutePath());
    return port;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The HTTP status of a GET on this process's port; -1 when it does not answer. */
  int status(String path) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
              .timeout(Duration.ofSeconds(5))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** SIGKILL: no shutdown hook, no drain, nothing acknowledged. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private int portIn(Pattern ready) throws IOException {
    if (!Files.exists(log)) return 0;
    Matcher matcher = ready.matcher(Files.readString(log));
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  private static Path logOf(String name) {
    return Path.of("target", "processes", name + ".log");
  }

  private static Process launch(Path jar, String name, Map<String, String> env) {
    if (!Files.exists(jar))
      throw new IllegalStateException(jar + " is missing: 'mvn verify' builds it before the ITs");
    try {
      Files.createDirectories(logOf(name).getParent());
      ProcessBuilder builder =
          new ProcessBuilder(javaBinary(), "-jar", jar.toString())
              .redirectErrorStream(true)
              .redirectOutput(logOf(name).toFile());
      builder.environment().putAll(env);
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
