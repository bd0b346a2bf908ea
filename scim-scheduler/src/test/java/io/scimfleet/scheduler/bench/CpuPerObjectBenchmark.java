package io.scimfleet.scheduler.bench;

import static io.scimfleet.testing.UserBuilder.aUser;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.BulkMode;
import io.scimfleet.model.Credential;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.ControlPlane;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.ProviderBuilder;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Fleet CPU per object: scheduler and worker in this process (JobRunr on Redis), the SCIM-SDK
 * target in another ({@link TargetProcess}), so this process's CPU time (/proc/self/stat) is the
 * fleet's. Imports N users (their change jobs create them, not measured), then measures forced full
 * syncs (every user sent again) and a burst of single changes (directory write → change job →
 * target write). {@code bench/cpu-per-object.sh [users=3000] [rounds=4] [bulk=auto|off]
 * [changes=500]}; {@code -Dbench.jfr=file.jfr} records the measured full syncs with JFR's profile
 * settings, sampling every 2 ms (the changes into {@code file-changes.jfr}).
 */
public final class CpuPerObjectBenchmark {
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private CpuPerObjectBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    BulkMode bulk = args.length > 2 ? BulkMode.parse(args[2]) : BulkMode.AUTO;
    int changes = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    Process targetProcess =
        new ProcessBuilder(
                "java",
                "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                System.getProperty("java.class.path"),
                TargetProcess.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      String[] target =
          new BufferedReader(
                  new InputStreamReader(targetProcess.getInputStream(), StandardCharsets.UTF_8))
              .readLine()
              .split(" ", -1);
      run(target[0], target[1], users, rounds, bulk, changes);
    } finally {
      targetProcess.destroy();
    }
    System.exit(0);
  }

  private static void run(
      String baseUrl, String token, int users, int rounds, BulkMode bulk, int changes)
      throws Exception {
    try (RedisFixture redis = RedisFixture.open(CpuPerObjectBenchmark.class)) {
      Stores stores = RedisStores.create(redis.pool(), redis.prefix());
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      FleetMetrics metrics = new FleetMetrics(registry);
      JobRunrFleet schedulerJobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
      JobRunrFleet workerJobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
      Worker worker =
          new Worker(
              stores, workerJobs.queue(), metrics, Clock.systemUTC(), 16, TestSecurity.settings());
      workerJobs.startServer(
          worker.handlers(),
          new JobServerSettings(16, Duration.ofSeconds(5), Duration.ofSeconds(5), "bench"));
      ControlPlane scheduler = new ControlPlane(stores, schedulerJobs, metrics, Clock.systemUTC());
      scheduler.start(); // consumes the change feed
      Provider provider =
          ProviderBuilder.aProvider("bench")
              .at(baseUrl)
              .withCredential(Credential.inline(token))
              .withDeletionThreshold(100)
              .limitedTo(16, 0)
              .bulk(bulk)
              .build();
      stores.providers().put(provider);
      List<DirectoryUser> directory =
          IntStream.range(0, users)
              .mapToObj(i -> aUser(String.format("u%06d", i)).named("User Number" + i).build())
              .toList();
      stores.directory().putUsers(directory);
      while (stores.syncState().count("bench", ObjectType.USER) < users) {
        Thread.sleep(
            200); // the import's change jobs create the users; let them finish before measuring
      }
      Thread.sleep(5_000);
      System.out.println("first sync: " + fullSync(scheduler, stores, false).counts());
      Recording recording = startRecording("");
      System.out.printf(
          "%n| measure (bulk %s) | objects | seconds | fleet CPU ms | CPU ms per object |%n|---|---|---|---|---|%n",
          bulk.name().toLowerCase(java.util.Locale.ROOT));
      for (int round = 1; round <= rounds; round++) {
        long cpu = cpuMillis();
        long start = System.nanoTime();
        FullSyncRun run = fullSync(scheduler, stores, true);
        print("forced full sync " + round, users, start, cpuMillis() - cpu);
        if (run.counts().failed() > 0) System.out.println("  failed: " + run.counts());
      }
      stopRecording(recording);
      if (changes > 0) {
        Recording changeRecording = startRecording("-changes");
        long cpu = cpuMillis();
        long start = System.nanoTime();
        changes(stores, registry, directory, changes);
        print("single changes (a burst, one job each)", changes, start, cpuMillis() - cpu);
        stopRecording(changeRecording);
      }
      workerJobs.close();
      worker.close();
      schedulerJobs.close();
    }
  }

  /**
   * A burst of single-user changes, each its own change and job (JobRunr polls every few seconds,
   * so one change at a time would mostly measure the idle poll), until the worker has updated them
   * all. Waits on the worker's own counter of updated users, in memory: a poll of Redis would cost
   * more CPU in this process than the changes themselves.
   */
  private static void changes(
      Stores stores, MeterRegistry registry, List<DirectoryUser> directory, int changes)
      throws InterruptedException {
    List<DirectoryUser> changed = directory.subList(0, Math.min(changes, directory.size()));
    double before = updated(registry);
    for (DirectoryUser user : changed) {
      stores
          .directory()
          .putUser(
              aUser(user.id())
                  .named("Changed " + user.name())
                  .withUsername(user.username())
                  .build());
    }
    while (updated(registry) - before < changed.size()) {
      Thread.sleep(100); // a benchmark's poll
    }
  }

  private static double updated(MeterRegistry registry) {
    return registry.find(FleetMetrics.OBJECTS).tag("outcome", "updated").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private static void print(String what, int objects, long startNanos, long cpuMillis) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(
        "| %s | %d | %.2f | %d | %.3f |%n",
        what, objects, seconds, cpuMillis, (double) cpuMillis / objects);
  }

  private static FullSyncRun fullSync(ControlPlane scheduler, Stores stores, boolean force)
      throws InterruptedException {
    String runId = scheduler.fullSyncs().startNow("bench", force);
    while (stores.syncState().lastRun("bench").filter(run -> run.runId().equals(runId)).isEmpty()) {
      Thread.sleep(
          500); // a benchmark's poll of the run's end (its reads count as fleet CPU: seldom)
    }
    return stores.syncState().lastRun("bench").orElseThrow();
  }

  /** utime + stime of this process, from /proc/self/stat. */
  static long cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
  }

  /**
   * @param suffix added to the file name before {@code .jfr}
   */
  private static Recording startRecording(String suffix) throws Exception {
    String file = System.getProperty("bench.jfr");
    if (file == null) return null;
    file = file.replaceFirst("(\\.jfr)?$", suffix + ".jfr");
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording
        .enable("jdk.ExecutionSample")
        .withPeriod(Duration.ofMillis(2)); // more samples than the 10 ms of "profile"
    recording.setDestination(Path.of(file));
    recording.start();
    return recording;
  }

  private static void stopRecording(Recording recording) {
    if (recording != null) recording.stop(); // written to its destination on stop
  }
}
