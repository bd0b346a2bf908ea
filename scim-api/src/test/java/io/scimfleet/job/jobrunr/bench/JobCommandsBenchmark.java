package io.scimfleet.job.jobrunr.bench;

import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.model.ObjectType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Redis commands per job life cycle (enqueue → processing → succeeded): a private {@code
 * redis-server} on a free port (so that nothing else counts), one job server with 4 threads, jobs
 * enqueued one at a time (as single changes are), and the {@code INFO commandstats} delta over the
 * run divided by the number of jobs. Background commands (heartbeats, polls, the pub/sub pings) are
 * in the total; the run is short enough that they are a small share. It also prints this JVM's CPU
 * per job (the whole life cycle: enqueue, fetch, processing, succeeded, with the background
 * threads) and Redis's. Run it with {@code bench/jobrunr-commands.sh [jobs=500] [rate=0 (as fast as
 * it goes), else jobs/s] [warm-up jobs=20]}.
 */
public final class JobCommandsBenchmark {
  private JobCommandsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int port = freePort();
    Path dir = Files.createTempDirectory("bench-redis");
    Process redis =
        new ProcessBuilder(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    try (JedisPool pool = new JedisPool("127.0.0.1", port)) {
      awaitPing(pool);
      run(pool, jobs, rate, warmUp);
    } finally {
      redis.destroy();
      redis.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void run(JedisPool pool, int jobs, int rate, int warmUp)
      throws InterruptedException {
    AtomicInteger done = new AtomicInteger();
    SyncObjectHandler handler = request -> done.incrementAndGet();
    // MONITOR costs both processes CPU: -Dbench.roundTrips=false leaves it out of a CPU run
    boolean countTrips = Boolean.parseBoolean(System.getProperty("bench.roundTrips", "true"));
    RoundTrips trips = new RoundTrips(pool);
    try (JobRunrFleet fleet = JobRunrFleet.redis(pool, "bench:")) {
      fleet.startServer(
          Map.of(SyncObjectHandler.class, handler),
          new JobServerSettings(4, Duration.ofSeconds(5), Duration.ofSeconds(5), "bench"));
      warmUp(fleet, done, warmUp);
      double idlePerSecond = idleCpuPerSecond();
      Map<String, Long> before = commandStats(pool);
      double redisBefore = redisCpuSeconds(pool);
      if (countTrips) trips.start();
      long started = System.nanoTime();
      long cpuBefore = processCpuNanos();
      int target = done.get() + jobs;
      for (int i = 0; i < jobs; i++) {
        if (rate > 0) pace(started, i, rate);
        fleet.queue().enqueue(new SyncObjectRequest("bench", ObjectType.USER, "u" + i, null));
      }
      while (done.get() < target) Thread.sleep(5);
      // the last job's "succeeded" is saved after the handler returns
      Thread.sleep(200);
      long cpu = processCpuNanos() - cpuBefore;
      Map<String, Long> after = commandStats(pool);
      long[] counted = countTrips ? trips.stop() : new long[] {0, 0};
      double redisCpu = redisCpuSeconds(pool) - redisBefore;
      long millis = (System.nanoTime() - started) / 1_000_000;
      print(before, after, jobs, millis);
      System.out.printf(
          "%-22s %10.3f ms per job (JVM, whole life cycle)%n", "JVM CPU", cpu / 1e6 / jobs);
      System.out.printf("%-22s %10.3f ms per job%n", "REDIS CPU", redisCpu * 1e3 / jobs);
      System.out.printf(
          "%-22s %10.3f ms per job (JVM CPU less what it burns idle: %.1f ms/s)%n",
          "JVM CPU OF THE JOBS", (cpu / 1e6 - idlePerSecond * millis / 1e3) / jobs, idlePerSecond);
      System.out.printf(
          "%-22s %10d %10.2f   (commands sent by clients: EVALSHA counts once)%n",
          "ROUND TRIPS", counted[0], counted[0] / (double) jobs);
      System.out.printf(
          "%-22s %10d %10.2f   (commands Lua scripts ran inside Redis)%n",
          "IN SCRIPTS", counted[1], counted[1] / (double) jobs);
    }
  }

  private static void warmUp(JobRunrFleet fleet, AtomicInteger done, int jobs)
      throws InterruptedException {
    for (int i = 0; i < jobs; i++)
      fleet.queue().enqueue(new SyncObjectRequest("bench", ObjectType.USER, "w" + i, null));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (done.get() < jobs && System.nanoTime() < until) Thread.sleep(10);
    Thread.sleep(500);
  }

  /** The JVM's CPU per second with no jobs (heartbeats, polls, the waker's looks), in ms. */
  private static double idleCpuPerSecond() throws InterruptedException {
    long before = processCpuNanos();
    Thread.sleep(IDLE_MILLIS);
    return (processCpuNanos() - before) / 1e6 / (IDLE_MILLIS / 1e3);
  }

  private static final long IDLE_MILLIS = 5_000;

  /** Waits until the i-th job of a run at {@code rate} jobs/s is due. */
  private static void pace(long started, int i, int rate) throws InterruptedException {
    long dueNanos = started + i * 1_000_000_000L / rate - System.nanoTime();
    if (dueNanos > 0) TimeUnit.NANOSECONDS.sleep(dueNanos);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** used_cpu_sys + used_cpu_user of {@code INFO cpu}. */
  private static double redisCpuSeconds(JedisPool pool) {
    double seconds = 0;
    try (Jedis jedis = pool.getResource()) {
      for (String line : jedis.info("cpu").lines().toList())
        if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:"))
          seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
    }
    return seconds;
  }

  private static void print(Map<String, Long> before, Map<String, Long> after, int jobs, long ms) {
    List<String[]> rows = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, Long> entry : after.entrySet()) {
      long delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
      if (delta <= 0 || entry.getKey().equals("info")) continue;
      total += delta;
      rows.add(new String[] {entry.getKey(), String.valueOf(delta)});
    }
    rows.sort((a, b) -> Long.compare(Long.parseLong(b[1]), Long.parseLong(a[1])));
    System.out.printf("%d jobs in %d ms%n", jobs, ms);
    System.out.printf("%-22s %10s %10s%n", "command", "calls", "per job");
    for (String[] row : rows)
      System.out.printf(
          "%-22s %10s %10.2f%n", row[0], row[1], Long.parseLong(row[1]) / (double) jobs);
    System.out.printf("%-22s %10d %10.2f%n", "TOTAL", total, total / (double) jobs);
  }

  /**
   * Counts what Redis's MONITOR shows between {@link #start()} and {@link #stop()}: commands
   * clients sent (round trips) apart from the commands Lua scripts ran ({@code [0 lua]}).
   */
  private static final class RoundTrips {
    private final JedisPool pool;
    private final java.util.concurrent.atomic.AtomicLong sent =
        new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong inScripts =
        new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean counting;
    private Jedis monitor;

    RoundTrips(JedisPool pool) {
      this.pool = pool;
    }

    void start() throws InterruptedException {
      java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
      Thread thread =
          new Thread(
              () -> {
                monitor = pool.getResource();
                try {
                  monitor.monitor(
                      new redis.clients.jedis.JedisMonitor() {
                        @Override
                        public void onCommand(String command) {
                          ready.countDown();
                          if (!counting) return;
                          if (command.contains(" lua] ")) inScripts.incrementAndGet();
                          else if (!command.contains("\"monitor\"")) sent.incrementAndGet();
                        }
                      });
                } catch (RuntimeException closed) {
                  // the monitor connection is closed at stop
                }
              },
              "bench-monitor");
      thread.setDaemon(true);
      thread.start();
      while (ready.getCount() > 0) {
        try (Jedis jedis = pool.getResource()) {
          jedis.echo("monitor-ready");
        }
        ready.await(50, TimeUnit.MILLISECONDS);
      }
      counting = true;
    }

    long[] stop() {
      counting = false;
      try {
        monitor.disconnect();
      } catch (RuntimeException e) {
        // gone already
      }
      return new long[] {sent.get(), inScripts.get()};
    }
  }

  /** {@code cmdstat_<name>:calls=N,...} of {@code INFO commandstats}, by command name. */
  private static Map<String, Long> commandStats(JedisPool pool) {
    Map<String, Long> calls = new TreeMap<>();
    try (Jedis jedis = pool.getResource()) {
      for (String line : jedis.info("commandstats").lines().toList()) {
        if (!line.startsWith("cmdstat_")) continue;
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        String rest = line.substring(line.indexOf("calls=") + "calls=".length());
        calls.put(name, Long.parseLong(rest.substring(0, rest.indexOf(','))));
      }
    }
    return calls;
  }

  private static void awaitPing(JedisPool pool) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      try (Jedis jedis = pool.getResource()) {
        if ("PONG".equals(jedis.ping())) return;
      } catch (RuntimeException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("the bench's redis-server did not start");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
