package io.scimfleet.scheduler.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.scheduler.ControlPlane;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.worker.Worker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fairness between providers (issue 8): one worker (16 job threads, JobRunr on Redis) runs a
 * healthy provider's forced full sync alone, then beside a provider whose target (a SCIM-SDK server
 * behind a WireMock proxy, another server) answers every request in 2 s and runs its own forced
 * full sync. Prints the healthy provider's median times and their ratio. Run with {@code
 * bench/fairness.sh [users] [groups] [runs]}.
 */
public final class FairnessBenchmark {
  private static final int JOB_THREADS = 16;

  private FairnessBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (RedisFixture redis = RedisFixture.open(FairnessBenchmark.class);
        ScimSdkServer healthy = ScimSdkServer.start();
        ScimSdkServer slowServer = ScimSdkServer.start()) {
      WireMockServer slow = slowProxy(slowServer);
      Stores stores = RedisStores.create(redis.pool(), redis.prefix());
      FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
      JobRunrFleet schedulerJobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
      JobRunrFleet workerJobs = JobRunrFleet.redis(redis.pool(), redis.prefix());
      Pacing pacing = Pacing.fromEnv(System.getenv(), JOB_THREADS);
      Worker worker =
          new Worker(
              stores,
              workerJobs.queue(),
              metrics,
              Clock.systemUTC(),
              16,
              RateLimiter.local(),
              SecuritySettings.fromEnv(System.getenv()),
              pacing);
      workerJobs.startServer(
          worker.handlers(),
          new JobServerSettings(
              JOB_THREADS, Duration.ofSeconds(5), Duration.ofSeconds(5), "bench"));
      ControlPlane scheduler = new ControlPlane(stores, schedulerJobs, metrics, Clock.systemUTC());
      stores.providers().put(provider("healthy", healthy.baseUrl(), healthy.token()));
      load(stores, users, groups);

      time(scheduler, stores, "healthy", users); // warm-up: creates everything
      double[][] alone = new double[2][runs];
      for (int i = 0; i < runs; i++) record(alone, i, time(scheduler, stores, "healthy", users));

      stores
          .providers()
          .put(provider("slow", URI.create(slow.baseUrl() + "/scim/v2"), slowServer.token()));
      String slowRun = scheduler.fullSyncs().startNow("slow", true);
      double[][] beside = new double[2][runs];
      for (int i = 0; i < runs; i++) record(beside, i, time(scheduler, stores, "healthy", users));
      FullSyncRun slowState =
          stores
              .syncState()
              .currentRun("slow")
              .filter(r -> r.runId().equals(slowRun))
              .orElseThrow();
      long slowDone = slowServer.users().size();

      System.out.printf(
          "%n| healthy provider's forced full sync (%d users, %d groups), median of %d | alone | beside a "
              + "provider whose target answers in 2 s | ratio |%n|---|---|---|---|%n",
          users, groups, runs);
      System.out.printf(
          "| start to end of the run, s | %.2f %s | %.2f %s | %.2f |%n",
          median(alone[0]),
          Arrays.toString(alone[0]),
          median(beside[0]),
          Arrays.toString(beside[0]),
          median(beside[0]) / median(alone[0]));
      System.out.printf(
          "| user pages, first to last user written, s | %.2f %s | %.2f %s | %.2f |%n",
          median(alone[1]),
          Arrays.toString(alone[1]),
          median(beside[1]),
          Arrays.toString(beside[1]),
          median(beside[1]) / median(alone[1]));
      System.out.printf(
          "%nslow provider meanwhile: %d of %d users on its target, run %s in phase %s%n",
          slowDone, users, slowState.status(), slowState.phase());
      System.out.printf(
          "settings: %d job threads, at most %d per provider (SCIM_JOBS_PER_PROVIDER), maxConcurrency 8%n",
          JOB_THREADS, pacing.jobsPerProvider());
      stores.providers().delete("slow");
      workerJobs.close(); // interrupts the slow pages after the drain timeout
      worker.close();
      schedulerJobs.close();
      slow.stop();
    }
    System.exit(0);
  }

  private static void record(double[][] into, int run, double[] times) {
    into[0][run] = times[0];
    into[1][run] = times[1];
  }

  private static WireMockServer slowProxy(ScimSdkServer target) {
    WireMockServer proxy = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64));
    proxy.start();
    URI base = target.baseUrl();
    proxy.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .proxiedFrom(base.getScheme() + "://" + base.getAuthority())
                    .withFixedDelay(2000)));
    return proxy;
  }

  private static Provider provider(String name, URI baseUrl, String token) {
    return aProvider(name)
        .at(baseUrl.toString())
        .withCredential(Credential.inline(token))
        .withDeletionThreshold(100)
        .build();
  }

  private static void load(Stores stores, int users, int groups) {
    List<DirectoryUser> directory =
        IntStream.range(0, users)
            .mapToObj(i -> aUser(String.format("u%06d", i)).named("User Number" + i).build())
            .toList();
    stores.directory().putUsers(directory);
    for (int g = 0; g < groups; g++) {
      List<String> members = new ArrayList<>();
      for (int i = g; i < users; i += Math.max(groups, 1)) members.add(directory.get(i).id());
      stores
          .directory()
          .putGroup(aGroup(String.format("g%04d", g)).named("Group " + g).build(), members);
    }
  }

  /**
   * Seconds a forced full sync of the provider takes: from start to its run's end (JobRunr's polls
   * included: an idle worker finds each phase's jobs at its next poll), and from the first to the
   * last user written (the pages' own pace).
   */
  private static double[] time(ControlPlane scheduler, Stores stores, String provider, int users)
      throws InterruptedException {
    long start = System.nanoTime();
    String runId = scheduler.fullSyncs().startNow(provider, true);
    while (stores
        .syncState()
        .lastRun(provider)
        .filter(run -> run.runId().equals(runId))
        .isEmpty()) {
      Thread.sleep(100); // a benchmark's poll of the run's end, not a test wait
    }
    double[] times = {seconds(System.nanoTime() - start), userWriteSpan(stores, provider, users)};
    System.out.printf("%s full sync: %.2f s, user pages %.2f s%n", provider, times[0], times[1]);
    return times;
  }

  private static double userWriteSpan(Stores stores, String provider, int users) {
    List<Instant> times = new ArrayList<>();
    for (int from = 0; from < users; from += 1000) {
      List<String> ids =
          IntStream.range(from, Math.min(from + 1000, users))
              .mapToObj(i -> String.format("u%06d", i))
              .toList();
      stores
          .syncState()
          .getAll(provider, ObjectType.USER, ids)
          .values()
          .forEach(state -> times.add(state.time()));
    }
    return seconds(Duration.between(Collections.min(times), Collections.max(times)).toNanos());
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e7) / 100.0;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
