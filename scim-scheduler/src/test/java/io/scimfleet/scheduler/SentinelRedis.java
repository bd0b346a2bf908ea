package io.scimfleet.scheduler;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A Redis primary, one replica and three sentinels of a test's own, each a {@code redis-server}
 * process on a free port with its files in one temporary directory (the sentinels' config files are
 * written here: Sentinel rewrites them). The sentinels watch the primary as {@value #MASTER} with a
 * quorum of 2 and call it down after one second. {@link #killPrimary()} sends SIGKILL. Needs {@code
 * redis-server} on the PATH (Debian's redis-server package; {@code --sentinel} is built in).
 */
final class SentinelRedis implements AutoCloseable {
  static final String MASTER = "fleet";
  private static final int SENTINELS = 3;

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final int primaryPort;
  private final int replicaPort;
  private final List<Integer> sentinelPorts = new ArrayList<>();
  private Process primary;

  private SentinelRedis(Path dir) throws IOException {
    this.dir = dir;
    this.primaryPort = freePort();
    this.replicaPort = freePort();
    for (int i = 0; i < SENTINELS; i++) sentinelPorts.add(freePort());
  }

  /** Starts them all and returns once the sentinels know the replica and each other. */
  static SentinelRedis start() {
    try {
      SentinelRedis redis = new SentinelRedis(Files.createTempDirectory("redis-sentinel-it"));
      redis.startNodes();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code redis-sentinel://127.0.0.1:a,127.0.0.1:b,127.0.0.1:c/fleet}. */
  String url() {
    return "redis-sentinel://"
        + sentinelPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","))
        + "/"
        + MASTER;
  }

  int primaryPort() {
    return primaryPort;
  }

  int replicaPort() {
    return replicaPort;
  }

  /** SIGKILL to the primary: nothing is flushed, its clients' connections break. */
  void killPrimary() {
    primary.destroyForcibly();
    try {
      primary.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The port of the primary the first sentinel names now. */
  int primaryNamedBySentinels() {
    try (Jedis sentinel = new Jedis("127.0.0.1", sentinelPorts.get(0))) {
      return Integer.parseInt(sentinel.sentinelGetMasterAddrByName(MASTER).get(1));
    }
  }

  private void startNodes() throws IOException {
    primary = redisServer("primary", List.of("--port", String.valueOf(primaryPort)));
    redisServer(
        "replica",
        List.of(
            "--port",
            String.valueOf(replicaPort),
            "--replicaof",
            "127.0.0.1",
            String.valueOf(primaryPort)));
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(() -> info(replicaPort, "replication").contains("master_link_status:up"));
    for (int i = 0; i < SENTINELS; i++) startSentinel(i);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(this::sentinelsAgree);
  }

  private void startSentinel(int i) throws IOException {
    int port = sentinelPorts.get(i);
    Path config = dir.resolve("sentinel-" + i + ".conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "port " + port,
            "bind 127.0.0.1",
            "dir " + dir,
            "sentinel monitor " + MASTER + " 127.0.0.1 " + primaryPort + " 2",
            "sentinel down-after-milliseconds " + MASTER + " 1000",
            "sentinel failover-timeout " + MASTER + " 4000",
            "sentinel parallel-syncs " + MASTER + " 1",
            ""));
    Process sentinel =
        start("sentinel-" + i, List.of("redis-server", config.toString(), "--sentinel"));
    processes.add(sentinel);
  }

  /** Every sentinel sees the replica and the two other sentinels. */
  private boolean sentinelsAgree() {
    for (int port : sentinelPorts) {
      try (Jedis sentinel = new Jedis(new HostAndPort("127.0.0.1", port))) {
        List<Map<String, String>> replicas = sentinel.sentinelReplicas(MASTER);
        List<Map<String, String>> others = sentinel.sentinelSentinels(MASTER);
        if (replicas.isEmpty() || others.size() < SENTINELS - 1) return false;
      }
    }
    return true;
  }

  private Process redisServer(String name, List<String> options) throws IOException {
    List<String> command = new ArrayList<>(List.of("redis-server"));
    command.addAll(options);
    command.addAll(
        List.of(
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
    Process process = start(name, command);
    processes.add(process);
    int port = Integer.parseInt(options.get(1));
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> info(port, "server").contains("redis_version"));
    return process;
  }

  private Process start(String name, List<String> command) throws IOException {
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve(name + ".log").toFile())
          .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start redis-server (apt-get install -y redis-server): " + e.getMessage(), e);
    }
  }

  private static String info(int port, String section) {
    try (Jedis jedis = new Jedis("127.0.0.1", port)) {
      return jedis.info(section);
    }
  }

  /** The nodes' and sentinels' logs, for a failure message. */
  String logs() {
    StringBuilder logs = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        logs.append("== ").append(log.getFileName()).append('\n').append(Files.readString(log));
      }
    } catch (IOException e) {
      logs.append("(logs unreadable: ").append(e).append(')');
    }
    return logs.toString();
  }

  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
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
