package io.scimfleet.scheduler.bench;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.mapping.DefaultMappings;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.Mappings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.ControlPlane;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Loads N users and G groups, runs a full sync through the fleet (scheduler + one worker, JobRunr
 * on Redis) against a local SCIM-SDK target, then an unchanged re-sync, then the raw ceiling: the
 * same HTTP client POSTing the same user payloads at the same concurrency, no queue. Prints a
 * table. Run with {@code bench/full-sync.sh [users] [groups] [concurrency]}.
 */
public final class FullSyncBenchmark {
  private FullSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    List<DirectoryUser> directory =
        IntStream.range(0, users)
            .mapToObj(i -> aUser(String.format("u%06d", i)).named("User Number" + i).build())
            .toList();

    Result fleet = runFleet(directory, groups, concurrency);
    Result raw = rawCeiling(directory, concurrency);

    System.out.printf(
        "%n| run | objects | seconds | objects/s | write requests |%n|---|---|---|---|---|%n");
    System.out.printf(
        "| fleet full sync (users %d, groups %d) | %d | %.2f | %.0f | %d |%n",
        users, groups, fleet.objects, fleet.seconds, fleet.objects / fleet.seconds, fleet.requests);
    System.out.printf(
        "| fleet unchanged re-sync | %d | %.2f | %.0f | %d |%n",
        fleet.objects,
        fleet.resyncSeconds,
        fleet.objects / fleet.resyncSeconds,
        fleet.resyncRequests);
    System.out.printf(
        "| raw ceiling (same client, %d in flight, users only) | %d | %.2f | %.0f | %d |%n",
        concurrency, raw.objects, raw.seconds, raw.objects / raw.seconds, raw.requests);
    System.out.printf(
        "| fleet user pages, first to last user written (no queue latency) | %d | %.2f | %.0f | |%n",
        users, fleet.userSeconds, users / fleet.userSeconds);
    System.out.printf(
        "%nusers/s fleet ÷ raw ceiling: %.2f end to end, %.2f while the user pages ran; "
            + "unchanged re-sync ÷ first sync time: %.3f%n",
        (users / (fleet.seconds * users / (users + groups))) / (raw.objects / raw.seconds),
        (users / fleet.userSeconds) / (raw.objects / raw.seconds),
        fleet.resyncSeconds / fleet.seconds);
    System.exit(0);
  }

  private record Result(
      int objects,
      double seconds,
      long requests,
      double resyncSeconds,
      long resyncRequests,
      double userSeconds) {}

  private static Result runFleet(List<DirectoryUser> directory, int groups, int concurrency)
      throws Exception {
    try (RedisFixture redis = RedisFixture.open(FullSyncBenchmark.class);
        ScimSdkServer target = ScimSdkServer.start()) {
      Stores stores = RedisStores.create(redis.pool(), redis.prefix());
      FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
      JobRunrFleet schedulerJobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
      JobRunrFleet workerJobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
      Worker worker =
          new Worker(
              stores,
              workerJobs.queue(),
              metrics,
              Clock.systemUTC(),
              concurrency,
              TestSecurity.settings());
      workerJobs.startServer(
          worker.handlers(),
          new JobServerSettings(16, Duration.ofSeconds(5), Duration.ofSeconds(5), "bench"));
      ControlPlane scheduler = new ControlPlane(stores, schedulerJobs, metrics, Clock.systemUTC());
      Provider provider =
          aProvider("bench")
              .at(target.baseUrl().toString())
              .withCredential(Credential.inline(target.token()))
              .withDeletionThreshold(100)
              .limitedTo(concurrency, 0)
              .build();
      stores.providers().put(provider);
      stores.directory().putUsers(directory);
      for (int g = 0; g < groups; g++) {
        List<String> members = new ArrayList<>();
        for (int i = g; i < directory.size(); i += Math.max(groups, 1))
          members.add(directory.get(i).id());
        stores
            .directory()
            .putGroup(aGroup(String.format("g%04d", g)).named("Group " + g).build(), members);
      }
      long start = System.nanoTime();
      FullSyncRun first = runOnce(scheduler, stores);
      double seconds = (System.nanoTime() - start) / 1e9;
      long requests = target.writeRequestCount();
      target.resetCounts();
      long resyncStart = System.nanoTime();
      runOnce(scheduler, stores);
      double resyncSeconds = (System.nanoTime() - resyncStart) / 1e9;
      System.out.println("first run: " + first.counts());
      workerJobs.close();
      worker.close();
      schedulerJobs.close();
      return new Result(
          directory.size() + groups,
          seconds,
          requests,
          resyncSeconds,
          target.writeRequestCount(),
          userWriteSpan(stores, directory));
    }
  }

  /** Seconds from the first to the last user's recorded write: the user pages' own pace. */
  private static double userWriteSpan(Stores stores, List<DirectoryUser> directory) {
    List<Instant> times = new ArrayList<>();
    for (int from = 0; from < directory.size(); from += 1000) {
      List<String> ids =
          directory.subList(from, Math.min(from + 1000, directory.size())).stream()
              .map(DirectoryUser::id)
              .toList();
      stores
          .syncState()
          .getAll("bench", ObjectType.USER, ids)
          .values()
          .forEach(state -> times.add(state.time()));
    }
    return Duration.between(Collections.min(times), Collections.max(times)).toNanos() / 1e9;
  }

  private static FullSyncRun runOnce(ControlPlane scheduler, Stores stores)
      throws InterruptedException {
    String runId = scheduler.fullSyncs().startNow("bench", false);
    while (stores.syncState().lastRun("bench").filter(run -> run.runId().equals(runId)).isEmpty()) {
      Thread.sleep(100); // a benchmark's poll of the run's end, not a test wait
    }
    return stores.syncState().lastRun("bench").orElseThrow();
  }

  private static Result rawCeiling(List<DirectoryUser> directory, int concurrency)
      throws Exception {
    Mappings mappings = Mappings.compile(DefaultMappings.users());
    List<ObjectNode> payloads =
        directory.stream().map(u -> mappings.map(MappingInput.user(u))).toList();
    try (ScimSdkServer target = ScimSdkServer.start();
        ScimClient client =
            ScimClient.builder(target.baseUrl())
                .bearerToken(target.token())
                .maxConnections(concurrency)
                .build()) {
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      long start = System.nanoTime();
      List<Future<?>> sent = new ArrayList<>();
      for (ObjectNode payload : payloads)
        sent.add(pool.submit(() -> client.create("Users", payload)));
      for (Future<?> future : sent) future.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      return new Result(payloads.size(), seconds, target.writeRequestCount(), 0, 0, seconds);
    }
  }
}
