package io.scimfleet.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A {@code redis-server} of a test's own, on a free port, with AOF in a directory of its own: it
 * can be stopped (SIGTERM: Redis writes its AOF and exits) and started again on the same port and
 * directory with its data. Needs {@code redis-server} on the PATH.
 */
public final class PrivateRedis implements AutoCloseable {
  private final int port;
  private final Path dir;
  private Process process;

  private PrivateRedis(int port, Path dir) {
    this.port = port;
    this.dir = dir;
  }

  public static PrivateRedis start(String name) {
    try {
      PrivateRedis redis = new PrivateRedis(freePort(), Files.createTempDirectory("redis-" + name));
      redis.startAgain();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts it on the same port and directory (after {@link #stop()}); returns once it answers. */
  public void startAgain() {
    try {
      process =
          new ProcessBuilder(
                  "redis-server",
                  "--port",
                  String.valueOf(port),
                  "--bind",
                  "127.0.0.1",
                  "--appendonly",
                  "yes",
                  "--appendfsync",
                  "always",
                  "--save",
                  "",
                  "--dir",
                  dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("redis.log").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start redis-server (apt-get install -y redis-server)", e);
    }
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(this::answers);
  }

  /** SIGTERM: Redis flushes its AOF and exits, as in a restart or failover. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS))
        throw new IllegalStateException("redis-server did not stop");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public boolean answers() {
    try (Jedis jedis = new Jedis(URI.create(url()))) {
      return "PONG".equals(jedis.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (process != null) process.destroyForcibly();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
