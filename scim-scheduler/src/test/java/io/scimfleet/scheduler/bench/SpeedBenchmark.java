package io.scimfleet.scheduler.bench;

import static io.scimfleet.testing.UserBuilder.aUser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.mapping.DefaultMappings;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.Mappings;
import io.scimfleet.store.redis.RedisKeys;
import io.scimfleet.testing.TestRedis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jobrunr.jobs.states.StateName;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The speed table of issue 10, one run: every fleet process (scheduler, workers) and the SCIM
 * target run as processes of their own, on the Redis of REDIS_URL under fresh key prefixes.
 * Measures the target's raw create ceiling with wrk (best of 8, 16 and 32 connections, the fleet's
 * own create payload), a full sync of N new users (rate, ratio to the ceiling, fleet CPU per object
 * from /proc, first request after the trigger), the unchanged re-sync, change → target latency at
 * 50 changes/s, the jobs an import of 10,000 users enqueues, and 2 workers vs 1 on a target
 * answering in 50 ms. Run with {@code bench/speed.sh [users=5000] [importUsers=10000]
 * [scaleUsers=2000]}; BENCH_JARS names another directory holding scim-scheduler.jar and
 * scim-worker.jar (e.g. an older build), BENCH_FLEET_JAVA_OPTS adds JVM options to the fleet's
 * processes (e.g. JFR). The fleet's processes run with the JVM options of the images ({@link
 * DeployedJvm}); BENCH_JVM=default runs them with the JVM's defaults.
 */
public final class SpeedBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final Pattern TARGET_READY = Pattern.compile("bench-target (\\S+ \\S+)");
  private static final Pattern SCHEDULER_READY =
      Pattern.compile("scim-scheduler ready: API on port (\\d+)");
  private static final Pattern WORKER_READY =
      Pattern.compile("scim-worker ready: /metrics and health on port (\\d+)");
  private static final String TOKEN_ENV = "SCIM_TARGET_BENCH";
  private static final Path LOGS = Path.of("target", "bench-speed");

  /**
   * A busier pace than the latency goal's 50 changes a second: at 50 a second every change wakes
   * each thread on its way (API, change feed, job fetch, job) from sleep, and on a virtual machine
   * those wake-ups cost about as much as the work; at this pace they overlap.
   */
  private static final int BUSY_PACE = 250;

  /** Every fleet process's log lines start with their time, to see where a run's time went. */
  private static final List<String> LOG_TIMES =
      List.of(
          "-Dorg.slf4j.simpleLogger.showDateTime=true",
          "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");

  /**
   * BENCH_CHANGES_ONLY=true: the main fleet measures only its rest and its changes (no ceiling, no
   * full syncs, no import), to compare builds of the change path quickly.
   */
  private static final boolean CHANGES_ONLY =
      Boolean.parseBoolean(System.getenv().getOrDefault("BENCH_CHANGES_ONLY", "false"));

  /** How long the fleet at rest is measured: its CPU a second, no changes flowing. */
  private static final Duration REST = Duration.ofSeconds(20);

  private final GoalTable rows = new GoalTable();
  private final String redisUrl = TestRedis.url();
  private final Path jars = Path.of(System.getenv().getOrDefault("BENCH_JARS", "."));
  private final List<String> fleetJvm =
      options(System.getenv().getOrDefault("BENCH_FLEET_JAVA_OPTS", ""));

  /** The SCIM server the measurements of the moment run against. */
  private TargetKind target = TargetKind.SCIM_SDK;

  SpeedBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int imported = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int scaleUsers = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    int heapUsers = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
    SpeedBenchmark bench = new SpeedBenchmark();
    List<TargetKind> targets = TargetKind.chosen(System.getenv("BENCH_TARGETS"));
    for (TargetKind kind : targets) {
      bench.target = kind;
      bench.rows.column(kind.label());
      bench.rows.put(
          "fleet JVM options (deploy/docker/Dockerfile's JAVA_TOOL_OPTIONS and the chart's memory"
              + " limit; BENCH_JVM=default: none)",
          "scheduler: "
              + String.join(" ", DeployedJvm.forBench(DeployedJvm.Component.SCHEDULER))
              + "; workers: "
              + String.join(" ", DeployedJvm.forBench(DeployedJvm.Component.WORKER)));
      if (users > 0 && CHANGES_ONLY) bench.mainFleet(users, 0, 0);
      else if (users > 0) bench.mainFleet(users, imported, bench.ceiling());
      else if (imported > 0) bench.importOnly(imported);
    }
    // scale-out and heap: on the first target only (the goals allow it)
    bench.target = targets.get(0);
    bench.rows.column(bench.target.label());
    if (users > 0) bench.apiFloor();
    if (scaleUsers > 0) bench.scaleOut(scaleUsers);
    if (scaleUsers > 0) ScaleOutBenchmark.latencyBound(bench, bench.rows); // issue 25
    bench.heap(heapUsers);
    bench.rows.print(System.out);
    System.exit(0);
  }

  /**
   * The raw ceiling: wrk POSTing the fleet's create payload at 8, 16 and 32 connections; the best.
   */
  private double ceiling() throws Exception {
    try (BenchProcess target = target(0, "ceiling-target")) {
      String[] url = target.await(TARGET_READY).split(" ", -1);
      Path script = wrkScript(url[1]);
      // warms the target up: two passes, SCIMple's JIT (Jersey, Weld proxies) takes longer than one
      wrk(url[0] + "/Users", 16, script);
      wrk(url[0] + "/Users", 32, script);
      double best = 0;
      StringBuilder each = new StringBuilder();
      for (int connections : new int[] {8, 16, 32}) {
        double rate = wrk(url[0] + "/Users", connections, script);
        each.append(connections).append(": ").append(Math.round(rate)).append("/s; ");
        best = Math.max(best, rate);
      }
      rows.put(
          "raw create ceiling, wrk, best of 8/16/32 connections",
          Math.round(best) + " users/s (" + each.toString().trim() + ")");
      return best;
    }
  }

  private void mainFleet(int users, int imported, double ceiling) throws Exception {
    String prefix = TestRedis.uniquePrefix("bench-speed");
    try (BenchProcess target = target(0, "target")) {
      String[] url = target.await(TARGET_READY).split(" ", -1);
      runMainFleet(users, imported, ceiling, prefix, url);
    } finally {
      deleteKeys(prefix);
    }
  }

  private void runMainFleet(int users, int imported, double ceiling, String prefix, String[] url)
      throws Exception {
    try (Fleet fleet = Fleet.start(this, prefix, 2, true, url[1])) {
      Target scim = new Target(url[0]);
      fleet.importUsers("bench", 0, users);
      fleet.putProvider("bench", url[0]);
      if (CHANGES_ONLY) {
        changeLatency(fleet, scim);
        return;
      }

      long cpu = fleet.cpuMillis();
      scim.reset();
      long start = System.currentTimeMillis();
      awaitRun(prefix, fleet.startSync("bench"));
      double seconds = (System.currentTimeMillis() - start) / 1000.0;
      long[] counts = scim.counts();
      double rate = users / seconds;
      rows.put(
          "full sync of " + users + " new users (2 workers)",
          String.format("%.1f s, %.0f users/s, %d writes", seconds, rate, counts[0]));
      rows.put("full sync rate ÷ raw ceiling", String.format("%.2f", rate / ceiling));
      rows.measured(Goal.RATIO, rate / ceiling);
      rows.put(
          "fleet CPU per object, first full sync (scheduler + workers, /proc)",
          String.format("%.2f ms", (fleet.cpuMillis() - cpu) / (double) users));
      rows.put(
          "first request to the target after the first full sync is triggered (cold workers)",
          (counts[1] - start) + " ms");

      // the first sync's drift check read the target in full: this one checks what changed
      rows.measured(
          Goal.UNCHANGED_RESYNC,
          unchangedResync(fleet, scim, prefix, "unchanged re-sync", seconds));
      // driftCheck off: the sync states are trusted and the target is not read (the drift check's
      // listing is most of an unchanged re-sync's time)
      fleet.putProvider("bench", url[0], "auto", "off");
      unchangedResync(fleet, scim, prefix, "unchanged re-sync, driftCheck off", seconds);
      fleet.putProvider("bench", url[0]);
      forcedSync(fleet, scim, prefix, users);
      changeLatency(fleet, scim);
      if (imported > 0) importJobs(fleet, scim, prefix, imported);
    }
  }

  /** Only the jobs of an import ({@code bench/speed.sh 0 10000 0 0}): a fleet of 2 workers. */
  private void importOnly(int imported) throws Exception {
    String prefix = TestRedis.uniquePrefix("bench-import");
    try (BenchProcess target = target(0, "target")) {
      String[] url = target.await(TARGET_READY).split(" ", -1);
      try (Fleet fleet = Fleet.start(this, prefix, 2, true, url[1])) {
        fleet.putProvider("bench", url[0]);
        importJobs(fleet, new Target(url[0]), prefix, imported);
      }
    } finally {
      deleteKeys(prefix);
    }
  }

  /**
   * A plain full sync with nothing changed: its time as a share of the first sync's, and what it
   * cost besides: the target's writes and reads, the JobRunr jobs it made, and the Redis commands
   * the run took (INFO commandstats; exact only on a Redis of the bench's own, {@code REDIS_URL}).
   * The run's end is read from Redis directly (one GET a poll, taken off the count) rather than
   * through the API, and the fleet's idle rate (heartbeats, polls: measured over 2 s before the
   * run) times the run's duration is taken off too; the five most called commands are raw deltas.
   */
  private double unchangedResync(
      Fleet fleet, Target scim, String prefix, String row, double firstSeconds) throws Exception {
    try (JedisPool pool = new JedisPool(URI.create(redisUrl));
        JobRunrFleet jobs = JobRunrFleet.redis(pool, prefix)) {
      scim.reset();
      Map<String, Long> idleFrom = redisCommands(pool);
      long idleStart = System.nanoTime();
      Thread.sleep(2_000); // the fleet at rest: its background commands per second
      Map<String, Long> before = redisCommands(pool);
      double idlePerMs =
          (total(before) - total(idleFrom) - 1) / ((System.nanoTime() - idleStart) / 1e6);
      long jobsBefore = allJobs(jobs);
      long start = System.currentTimeMillis();
      String runId = fleet.startSync("bench");
      long polls = awaitRunInRedis(pool, prefix, runId);
      long millis = System.currentTimeMillis() - start;
      Map<String, Long> after = redisCommands(pool);
      double seconds = millis / 1000.0;
      long run = Math.round(total(after) - total(before) - 1 - polls - idlePerMs * millis);
      long[] counts = scim.counts();
      rows.put(
          row,
          String.format(
              "%.2f s = %.1f%% of the first sync's time, %d writes, %d reads, %d jobs, %d Redis"
                  + " commands (%s)",
              seconds,
              100 * seconds / firstSeconds,
              counts[0],
              counts.length > 3 ? counts[3] : -1,
              allJobs(jobs) - jobsBefore,
              run,
              topCommands(before, after)));
      return seconds / firstSeconds;
    }
  }

  /**
   * Waits for the bench provider's run to end, reading its key in Redis: the fleet's CPU is
   * measured over the run, and a poll of the scheduler's status API every 20 ms would be the
   * bench's work (about 0.5 ms of the scheduler's CPU a poll on the shared machine).
   */
  private void awaitRun(String prefix, String runId) throws InterruptedException {
    try (JedisPool pool = new JedisPool(URI.create(redisUrl))) {
      awaitRunInRedis(pool, prefix, runId);
    }
  }

  /** Waits for the run to be the provider's last, reading its key; the number of GETs it took. */
  private static long awaitRunInRedis(JedisPool pool, String prefix, String runId)
      throws InterruptedException {
    String key = new RedisKeys(prefix).lastRun("bench");
    try (Jedis redis = pool.getResource()) {
      for (long polls = 1; polls < 60_000; polls++) {
        String last = redis.get(key);
        if (last != null && last.contains("\"" + runId + "\"")) return polls;
        Thread.sleep(20); // a benchmark's poll of the run's key, not a test's wait
      }
    }
    throw new IllegalStateException("run " + runId + " did not end");
  }

  private static long total(Map<String, Long> calls) {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The calls of each command the Redis server has answered (INFO commandstats). */
  private static Map<String, Long> redisCommands(JedisPool pool) {
    Map<String, Long> calls = new java.util.TreeMap<>();
    try (Jedis redis = pool.getResource()) {
      for (String line : redis.info("commandstats").split("\\n", -1)) {
        int at = line.indexOf("calls=");
        if (!line.startsWith("cmdstat_") || at < 0) continue;
        int end = line.indexOf(',', at);
        calls.put(
            line.substring(8, line.indexOf(':')),
            Long.parseLong(line.substring(at + 6, end < 0 ? line.length() : end).trim()));
      }
    }
    return calls;
  }

  /** The five most called commands between two readings. */
  private static String topCommands(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new java.util.HashMap<>();
    after.forEach((name, calls) -> delta.put(name, calls - before.getOrDefault(name, 0L)));
    return delta.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(5)
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * Forced full syncs of the same users, one after the other: every user is sent again (as an
   * update). The first still warms up (the JIT compiles what a forced sync adds, classes load), so
   * the goal stands against the median of BENCH_FORCED_RUNS (default 3) runs; each run's CPU per
   * object is shown, the first's too, with each process's share and the fleet's CPU at rest (its
   * polls, heartbeats and metrics, measured over 3 s before the runs) over the run's time.
   */
  private void forcedSync(Fleet fleet, Target scim, String prefix, int users) throws Exception {
    long[] idleFrom = fleet.cpuMillisEach();
    long idleStart = System.nanoTime();
    Thread.sleep(3_000); // the fleet at rest: its CPU per second
    double idleMs = (System.nanoTime() - idleStart) / 1e6;
    double idlePerSecond = 1000 * sum(minus(fleet.cpuMillisEach(), idleFrom)) / idleMs;
    rows.put(
        "fleet CPU at rest (scheduler + workers, /proc, over 3 s)",
        String.format("%.0f ms per second", idlePerSecond));
    int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_FORCED_RUNS", "3"));
    double[] perObject = new double[runs];
    StringBuilder each = new StringBuilder();
    for (int run = 0; run < runs; run++) {
      long[] cpu = fleet.cpuMillisEach();
      scim.reset();
      long start = System.currentTimeMillis();
      awaitRun(prefix, fleet.startSync("bench", true));
      double seconds = (System.currentTimeMillis() - start) / 1000.0;
      System.err.printf(
          "forced sync %d: %d to %d (epoch ms)%n", run + 1, start, System.currentTimeMillis());
      long[] used = minus(fleet.cpuMillisEach(), cpu);
      perObject[run] = sum(used) / (double) users;
      each.append(
          String.format(
              "%n    %d: %.1f s, %.0f users/s, %d writes, %.2f ms (processes %s ms; at rest %.2f"
                  + " ms)",
              run + 1,
              seconds,
              users / seconds,
              scim.counts()[0],
              perObject[run],
              Arrays.toString(used),
              idlePerSecond * seconds / users));
      if (run == 0)
        rows.put(
            "first request to the target after a full sync is triggered (warm)",
            (scim.counts()[1] - start) + " ms");
    }
    rows.put(
        "forced full syncs, each (CPU per object; the fleet's at rest over that time)",
        each.toString());
    rows.put(
        "fleet CPU per object, first warm forced full sync (the measure before issue 25's stop)",
        String.format("%.2f ms", perObject[0]));
    double median = median(perObject);
    rows.put(
        "fleet CPU per object, warm forced full sync, median of " + runs,
        String.format("%.2f ms", median));
    rows.measured(Goal.CPU_PER_OBJECT, median);
  }

  private static long[] minus(long[] after, long[] before) {
    return IntStream.range(0, after.length).mapToLong(i -> after[i] - before[i]).toArray();
  }

  private static long sum(long[] values) {
    return Arrays.stream(values).sum();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * Change → target latency and fleet CPU per change at 50 changes a second: a warm-up of 1,000
   * changes (the API and job paths compile: the JIT's threads are most of a cold run's CPU), then
   * {@code BENCH_LATENCY_RUNS} (default 5) measured runs of 1,000 new users each, every user's time
   * from the API call to its create at the target. Each run is a row; the last two rows hold the
   * worst run against the goals (p50 ≤ 0.3 s and p99 ≤ 1 s in every run) and the median CPU.
   */
  private void changeLatency(Fleet fleet, Target scim) throws Exception {
    int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_LATENCY_RUNS", "5"));
    LatencyRun warmUp = latencyRun(fleet, scim, "lat0-", 50);
    rows.put(
        "warm-up: 1000 changes at 50/s right after the full syncs, p50 / p99, CPU per change",
        warmUp.toString());
    List<LatencyRun> measured = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      LatencyRun result = latencyRun(fleet, scim, "lat" + run + "-", 50);
      measured.add(result);
      rows.put("change → target latency at 50 changes/s, run " + run, result.toString());
    }
    if (measured.isEmpty()) return;
    atRest(fleet);
    double worstP50 = measured.stream().mapToDouble(LatencyRun::p50).max().orElseThrow();
    double worstP99 = measured.stream().mapToDouble(LatencyRun::p99).max().orElseThrow();
    rows.put(
        "change → target latency, worst of " + runs + " runs: p50 / p99",
        String.format("%.2f s / %.2f s", worstP50, worstP99));
    rows.measured(Goal.LATENCY_P50, worstP50);
    rows.measured(Goal.LATENCY_P99, worstP99);
    double[] cpu = measured.stream().mapToDouble(LatencyRun::cpuPerChange).sorted().toArray();
    rows.put(
        "fleet CPU per change, API write through target write, median of " + runs + " warm runs",
        String.format(
            "%.2f ms (runs %.2f–%.2f ms)", cpu[cpu.length / 2], cpu[0], cpu[cpu.length - 1]));
    rows.measured(Goal.CPU_PER_CHANGE, cpu[cpu.length / 2]);
    LatencyRun busy = latencyRun(fleet, scim, "busy-", BUSY_PACE);
    rows.put(
        "the same at "
            + BUSY_PACE
            + " changes/s (1000 changes): what a change costs when the fleet's threads are awake",
        busy.toString());
  }

  /**
   * The fleet's CPU at rest (heartbeats, polls, timers), a second: a run's 20 s of changes carry 20
   * s of it, so it counts into the CPU per change. Markers on stderr time the phases (profiles).
   */
  private void atRest(Fleet fleet) throws InterruptedException {
    // a settling span, not a wait for a condition: the last run's succeeded saves and the feed's
    // trim end within it, so the CPU at rest that follows holds none of the run's work
    Thread.sleep(2_000);
    phase("rest");
    long cpu = fleet.cpuMillis();
    long start = System.nanoTime();
    Thread.sleep(REST.toMillis()); // a benchmark's measuring span, not a test's wait
    double perSecond = (fleet.cpuMillis() - cpu) / ((System.nanoTime() - start) / 1e9);
    phase("rest end");
    rows.put(
        "fleet CPU at rest (no changes), a second, and its share of a 50/s run's CPU per change",
        String.format("%.1f ms/s, %.2f ms per change", perSecond, perSecond * 20 / 1000));
  }

  /** A line on stderr with the time a phase starts, to cut profiles and /proc samples by phase. */
  private static void phase(String name) {
    System.err.println("bench phase " + name + " at " + System.currentTimeMillis());
  }

  /**
   * The HTTP floor inside the CPU per change ({@link ApiFloor}): a bare Javalin server's CPU per
   * PUT at the same pace, with the fleet's JVM options.
   */
  private void apiFloor() throws Exception {
    List<String> jvm = DeployedJvm.forBench(DeployedJvm.Component.SCHEDULER);
    double floor = ApiFloor.cpuPerPut(jvm, 50, LOGS.resolve("bare-api.log"));
    double busyFloor = ApiFloor.cpuPerPut(jvm, BUSY_PACE, LOGS.resolve("bare-api-busy.log"));
    List<String> apiPool = new ArrayList<>(jvm);
    apiPool.add("-Dfloor.pool=api");
    double apiFloor = ApiFloor.cpuPerPut(apiPool, 50, LOGS.resolve("bare-api-pool.log"));
    rows.put(
        "CPU per PUT of a bare Javalin server (one route, no Redis, no job) at 50/s and at "
            + BUSY_PACE
            + "/s: the HTTP floor inside the CPU per change; at 50/s with the API's Jetty threads"
            + " (ApiThreads)",
        String.format("%.2f ms / %.2f ms; %.2f ms", floor, busyFloor, apiFloor));
  }

  /** One run's result: latency percentiles in seconds, fleet CPU per change in ms. */
  private record LatencyRun(int arrived, int sent, double p50, double p99, double cpuPerChange) {
    @Override
    public String toString() {
      return String.format(
          "%.2f s / %.2f s (%d of %d arrived), %.2f ms CPU per change",
          p50, p99, arrived, sent, cpuPerChange);
    }
  }

  /**
   * 1,000 new users, ids starting with {@code idPrefix}, through the API at {@code pace} a second.
   */
  private LatencyRun latencyRun(Fleet fleet, Target scim, String idPrefix, int perSecond)
      throws Exception {
    int changes = 1_000;
    Map<String, Long> sent = new ConcurrentHashMap<>();
    phase(idPrefix + " at " + perSecond + "/s");
    long cpu = fleet.cpuMillis();
    ScheduledExecutorService pace = Executors.newScheduledThreadPool(4);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < changes; i++) {
      String id = String.format("%s%05d", idPrefix, i);
      calls.add(
          pace.schedule(
              () -> {
                sent.put(id, System.currentTimeMillis());
                fleet.api("PUT", "/api/v1/users/" + id, "application/json", ApiFloor.newUser(id));
                return null;
              },
              i * 1_000_000L / perSecond,
              TimeUnit.MICROSECONDS));
    }
    pace.shutdown();
    pace.awaitTermination(2, TimeUnit.MINUTES);
    for (Future<?> call : calls) call.get(); // a failed API call fails the run

    Map<String, Long> created = Map.of();
    for (int i = 0; i < 600 && created.size() < changes; i++) {
      Thread.sleep(100); // the target is another process: poll its record of creates
      created = scim.created(idPrefix);
    }
    long cpuAfter = fleet.cpuMillis();
    phase(idPrefix + " end");
    Map<String, Long> arrived = created;
    long[] latencies =
        sent.entrySet().stream()
            .filter(e -> arrived.containsKey(e.getKey()))
            .mapToLong(e -> arrived.get(e.getKey()) - e.getValue())
            .sorted()
            .toArray();
    return new LatencyRun(
        latencies.length,
        changes,
        percentile(latencies, 0.50) / 1000.0,
        percentile(latencies, 0.99) / 1000.0,
        (cpuAfter - cpu) / (double) changes);
  }

  /**
   * The jobs that an NDJSON import of {@code count} new users enqueues, with the provider in place.
   */
  private void importJobs(Fleet fleet, Target scim, String prefix, int count) throws Exception {
    try (JedisPool pool = new JedisPool(URI.create(redisUrl));
        JobRunrFleet jobs = JobRunrFleet.redis(pool, prefix)) {
      long before = allJobs(jobs);
      long start = System.currentTimeMillis();
      fleet.importUsers("imp", 0, count);
      Map<String, Long> created = Map.of();
      for (int i = 0; i < 3_000 && created.size() < count; i++) {
        Thread.sleep(100);
        created = scim.created("imp-");
      }
      double seconds = (System.currentTimeMillis() - start) / 1000.0;
      Thread.sleep(1_000); // jobs that a late failure enqueued
      long enqueued = allJobs(jobs) - before;
      rows.put("jobs enqueued by an import of " + count + " users", String.valueOf(enqueued));
      rows.measured(Goal.IMPORT_JOBS, enqueued * 10_000.0 / count);
      rows.put(
          "import of " + count + " users to all on the target",
          String.format("%.1f s (%d arrived)", seconds, created.size()));
    }
  }

  /**
   * A directory of {@code users} users synced by one worker limited to 256 MiB of heap: whether the
   * full sync ends, and the most heap it used (its /metrics, read every 250 ms).
   */
  private void heap(int users) throws Exception {
    if (users <= 0) return;
    String prefix = TestRedis.uniquePrefix("bench-heap");
    try (BenchProcess target = target(0, "heap-target")) {
      String[] url = target.await(TARGET_READY).split(" ", -1);
      try (Fleet fleet = Fleet.start(this, prefix, 1, false, url[1], List.of("-Xmx256m"))) {
        for (int from = 0; from < users; from += 5_000)
          fleet.importUsers("h", from, Math.min(5_000, users - from));
        fleet.putProvider("heap", url[0]);
        long start = System.currentTimeMillis();
        String runId = fleet.startSync("heap");
        double[] most = {0};
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        var unused =
            sampler.scheduleAtFixedRate(
                () -> most[0] = Math.max(most[0], fleet.workerHeapBytes()),
                0,
                250,
                TimeUnit.MILLISECONDS);
        try {
          fleet.awaitRun("heap", runId);
        } finally {
          sampler.shutdownNow();
        }
        rows.put(
            "worker heap, full sync of " + users + " users, one worker at -Xmx256m",
            String.format(
                "ended in %.1f s; most heap used %.0f MiB",
                (System.currentTimeMillis() - start) / 1000.0, most[0] / (1024 * 1024)));
      }
    } finally {
      deleteKeys(prefix);
    }
  }

  /**
   * The same full sync of {@code users} new users with 1 worker and with 2, on a target answering
   * in 50 ms: with one request per user ({@code bulk: off}, where the target's latency is what
   * bounds a worker) and with Bulk (a request per 100 users: little for more workers to share).
   */
  private void scaleOut(int users) throws Exception {
    try (BenchProcess target = target(50, "slow-target")) {
      String[] url = target.await(TARGET_READY).split(" ", -1);
      for (String bulk : List.of("off", "auto")) {
        double[] seconds = new double[3];
        for (int workers = 1; workers <= 2; workers++) {
          seconds[workers] = scaleOutSync(url, users, workers, bulk);
        }
        rows.put(
            "full sync of "
                + users
                + " users at 50 ms target latency, bulk "
                + bulk
                + ", 1 worker / 2 workers",
            String.format(
                "%.1f s / %.1f s = %.2f×", seconds[1], seconds[2], seconds[1] / seconds[2]));
      }
    }
  }

  private double scaleOutSync(String[] url, int users, int workers, String bulk) throws Exception {
    String prefix = TestRedis.uniquePrefix("bench-scale");
    try (Fleet fleet = Fleet.start(this, prefix, workers, true, url[1])) {
      fleet.importUsers("s" + workers + bulk, 0, users);
      fleet.putProvider("slow", url[0], bulk);
      long start = System.currentTimeMillis();
      fleet.awaitRun("slow", fleet.startSync("slow"));
      return (System.currentTimeMillis() - start) / 1000.0;
    } finally {
      deleteKeys(prefix);
    }
  }

  BenchProcess target(long latencyMs, String name) {
    return BenchProcess.java(
        List.of("-Xmx2g"),
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            target.mainClass(),
            String.valueOf(latencyMs)),
        Map.of(),
        LOGS.resolve(target.name().toLowerCase(java.util.Locale.ROOT) + "-" + name + ".log"));
  }

  private Path wrkScript(String token) throws IOException {
    Mappings mappings = Mappings.compile(DefaultMappings.users());
    String payload =
        mappings
            .map(
                MappingInput.user(
                    aUser("w").named("Bench User 1").withUsername("__NAME__").build()))
            .toString();
    String lua =
        """
        local template = [=[%s]=]
        local counter = 0
        local threads = 0
        function setup(thread)
          threads = threads + 1
          thread:set("tid", threads)
        end
        function init(args)
          prefix = args[1] .. "-" .. tid .. "-"
        end
        request = function()
          counter = counter + 1
          local body = (template:gsub("__NAME__", prefix .. counter))
          return wrk.format("POST", nil, {["Content-Type"] = "application/scim+json",
            ["Authorization"] = "Bearer %s"}, body)
        end
        """
            .formatted(payload, token);
    Files.createDirectories(LOGS);
    Path script = LOGS.resolve("create.lua");
    Files.writeString(script, lua);
    return script;
  }

  private static double wrk(String url, int connections, Path script) throws Exception {
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d5s",
                "-s",
                script.toString(),
                url,
                "--",
                "r" + UUID.randomUUID().toString().substring(0, 8))
            .redirectErrorStream(true)
            .start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    wrk.waitFor();
    Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
    if (!rate.find()) throw new IllegalStateException("wrk said: " + out);
    Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
    if (errors.find() && Long.parseLong(errors.group(1)) > 0)
      System.err.println("wrk: " + errors.group());
    return Double.parseDouble(rate.group(1));
  }

  private static long allJobs(JobRunrFleet jobs) {
    return Arrays.stream(StateName.values())
        .mapToLong(state -> jobs.storage().countJobs(state))
        .sum();
  }

  private static long percentile(long[] sorted, double share) {
    if (sorted.length == 0) return -1;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
  }

  void deleteKeys(String prefix) {
    try (JedisPool pool = new JedisPool(URI.create(redisUrl))) {
      TestRedis.deleteKeys(pool, prefix);
    }
  }

  private static List<String> options(String text) {
    return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+", -1));
  }

  /** The target's /bench route. */
  private record Target(String baseUrl) {
    String bench(String path) throws Exception {
      URI uri = URI.create(baseUrl).resolve("/bench/" + path);
      return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    }

    void reset() throws Exception {
      bench("reset");
    }

    /** writes, first write millis, last write millis, reads (GET requests) */
    long[] counts() throws Exception {
      return Arrays.stream(bench("counts").trim().split(" ", -1))
          .mapToLong(Long::parseLong)
          .toArray();
    }

    Map<String, Long> created(String prefix) throws Exception {
      Map<String, Long> created = new HashMap<>();
      for (String line : bench("created?" + prefix).lines().toList()) {
        if (line.isBlank()) continue;
        String[] parts = line.split(" ", -1);
        created.put(parts[0], Long.parseLong(parts[1]));
      }
      return created;
    }
  }

  /** A scheduler and N workers, as processes, on one key prefix. */
  static final class Fleet implements AutoCloseable {
    private final List<BenchProcess> processes = new ArrayList<>();
    private final String adminToken = UUID.randomUUID().toString();
    private final List<String> workerMetrics = new ArrayList<>();
    private String api;

    static Fleet start(
        SpeedBenchmark bench, String prefix, int workers, boolean profiled, String targetToken)
        throws Exception {
      return start(bench, prefix, workers, profiled, targetToken, List.of());
    }

    /**
     * @param workerJvm more JVM options for the workers (e.g. a heap limit)
     */
    static Fleet start(
        SpeedBenchmark bench,
        String prefix,
        int workers,
        boolean profiled,
        String targetToken,
        List<String> workerJvm)
        throws Exception {
      Fleet fleet = new Fleet();
      try {
        Map<String, String> env =
            Map.of(
                "REDIS_URL",
                bench.redisUrl,
                "SCIM_REDIS_PREFIX",
                prefix,
                "SCIM_HTTP_PORT",
                "0",
                "SCIM_DASHBOARD_PORT",
                "0",
                "SCIM_METRICS_PORT",
                "0",
                "SCIM_ADMIN_TOKEN",
                fleet.adminToken,
                TOKEN_ENV,
                targetToken);
        String name = prefix.replace(':', '-');
        List<String> benchJvm =
            Stream.of(LOG_TIMES, profiled ? bench.fleetJvm : List.<String>of())
                .flatMap(List::stream)
                .toList();
        List<String> schedulerJvm =
            concat(DeployedJvm.forBench(DeployedJvm.Component.SCHEDULER), benchJvm);
        List<String> deployedWorkerJvm =
            concat(DeployedJvm.forBench(DeployedJvm.Component.WORKER), benchJvm);
        BenchProcess scheduler =
            fleet.add(
                BenchProcess.java(
                    with(schedulerJvm, name + "-scheduler"),
                    List.of("-jar", bench.jars.resolve("scim-scheduler.jar").toString()),
                    env,
                    LOGS.resolve(name + "-scheduler.log")));
        fleet.api = "http://127.0.0.1:" + scheduler.await(SCHEDULER_READY);
        for (int i = 0; i < workers; i++) {
          Map<String, String> workerEnv = new HashMap<>(env);
          workerEnv.put("HOSTNAME", name + "-worker-" + i);
          BenchProcess worker =
              fleet.add(
                  BenchProcess.java(
                      concat(with(deployedWorkerJvm, name + "-worker-" + i), workerJvm),
                      List.of("-jar", bench.jars.resolve("scim-worker.jar").toString()),
                      workerEnv,
                      LOGS.resolve(name + "-worker-" + i + ".log")));
          fleet.workerMetrics.add("http://127.0.0.1:" + worker.await(WORKER_READY) + "/metrics");
        }
        return fleet;
      } catch (Exception | Error e) {
        fleet.close();
        throw e;
      }
    }

    private static List<String> concat(List<String> first, List<String> then) {
      return Stream.concat(first.stream(), then.stream()).toList();
    }

    /** JFR options name their recording after the process: {@code %n} in them becomes its name. */
    private static List<String> with(List<String> jvm, String name) {
      return jvm.stream().map(option -> option.replace("%n", name)).toList();
    }

    private BenchProcess add(BenchProcess process) {
      processes.add(process);
      return process;
    }

    /** The heap the workers use now, summed over their memory pools (their /metrics). */
    double workerHeapBytes() {
      double sum = 0;
      for (String metrics : workerMetrics) {
        try {
          String text =
              HTTP.send(
                      HttpRequest.newBuilder(URI.create(metrics)).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body();
          for (String line : text.lines().toList()) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
              sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return sum;
        }
      }
      return sum;
    }

    long cpuMillis() {
      return processes.stream().mapToLong(BenchProcess::cpuMillis).sum();
    }

    /** Each process's CPU so far: the scheduler's, then each worker's. */
    long[] cpuMillisEach() {
      return processes.stream().mapToLong(BenchProcess::cpuMillis).toArray();
    }

    void importUsers(String idPrefix, int from, int count) {
      String lines =
          IntStream.range(from, from + count)
              .mapToObj(
                  i ->
                      String.format(
                          "{\"type\":\"user\",\"id\":\"%1$s-%2$05d\",\"username\":\"%1$s-%2$05d\",\"name\":\"Bench User %2$d\","
                              + "\"email\":\"%1$s-%2$05d@example.org\"}",
                          idPrefix, i))
              .collect(Collectors.joining("\n"));
      api("POST", "/api/v1/import", "application/x-ndjson", lines);
    }

    /** The main fleet's provider: {@code bulk} as BENCH_BULK says (auto, the default, or off). */
    void putProvider(String name, String baseUrl) {
      putProvider(name, baseUrl, System.getenv().getOrDefault("BENCH_BULK", "auto"));
    }

    void putProvider(String name, String baseUrl, String bulk) {
      putProvider(name, baseUrl, bulk, "full");
    }

    void putProvider(String name, String baseUrl, String bulk, String driftCheck) {
      // the token is read from the workers' environment; a yearly cron keeps the recurring sync
      // away
      api(
          "PUT",
          "/api/v1/providers/" + name,
          "application/json",
          "{\"baseUrl\":\""
              + baseUrl
              + "\",\"tokenEnv\":\""
              + TOKEN_ENV
              + "\",\"bulk\":\""
              + bulk
              + "\",\"driftCheck\":\""
              + driftCheck
              + "\",\"fullSyncCron\":\"0 0 1 1 *\"}");
    }

    String startSync(String provider) throws IOException {
      return startSync(provider, false);
    }

    String startSync(String provider, boolean force) throws IOException {
      return JSON.readTree(
              api(
                  "POST",
                  "/api/v1/providers/" + provider + "/sync" + (force ? "?force=true" : ""),
                  "application/json",
                  ""))
          .path("runId")
          .asText();
    }

    void awaitRun(String provider, String runId) throws Exception {
      for (int i = 0; i < 60_000; i++) {
        JsonNode status =
            JSON.readTree(api("GET", "/api/v1/providers/" + provider + "/status", null, null));
        if (status.path("last").path("runId").asText().equals(runId)) return;
        Thread.sleep(20); // a benchmark's poll of the run's status, not a test's wait
      }
      throw new IllegalStateException("run " + runId + " did not end");
    }

    String api(String method, String path, String contentType, String body) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(api + path))
              .timeout(Duration.ofMinutes(5))
              .header("Authorization", "Bearer " + adminToken)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (contentType != null) request.header("Content-Type", contentType);
      try {
        HttpResponse<String> response =
            HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
          throw new IllegalStateException(
              method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      processes.forEach(BenchProcess::close);
    }
  }
}
