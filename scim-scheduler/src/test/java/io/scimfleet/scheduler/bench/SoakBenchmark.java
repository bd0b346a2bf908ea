package io.scimfleet.scheduler.bench;

import io.scimfleet.config.JobRetention;
import io.scimfleet.job.PermanentJobFailure;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.job.jobrunr.JobServerSettings;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.redis.RedisConnections;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.jobrunr.storage.JobStats;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Runs N cheap jobs (1% fail permanently) through the fleet's JobRunr seam on Redis in waves of
 * 10,000 and prints Redis {@code used_memory} before, after each wave, and once the retention has
 * removed the finished jobs (succeeded and deleted after {@code retentionMinutes}, failed ones by
 * our purge). Run with {@code bench/soak.sh [jobs] [retentionMinutes]}: on a Redis of its own, so
 * that nothing else moves the figure.
 */
public final class SoakBenchmark {
  private static final int WAVE = 10_000;

  /**
   * One enqueue is one Redis transaction: 10,000 at once outlast Jedis's 2 s read timeout on a busy
   * Redis.
   */
  private static final int BATCH = 1_000;

  private static final String PREFIX = "soak:";

  private SoakBenchmark() {}

  public static void main(String[] args) {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Duration retention = Duration.ofMinutes(args.length > 1 ? Integer.parseInt(args[1]) : 1);
    String url = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
    try (JedisPool pool = RedisConnections.pool(url, 48);
        JobRunrFleet fleet = JobRunrFleet.redis(pool, PREFIX)) {
      fleet.retainJobs(new JobRetention(retention, retention, retention));
      SyncObjectHandler cheap =
          request -> {
            if (request.objectId().endsWith("00"))
              throw new PermanentJobFailure("soak: every 100th job fails", null);
          };
      System.out.printf(
          "| phase | jobs run | enqueued | succeeded | deleted | failed | Redis used_memory |%n|---|---|---|---|---|---|---|%n");
      row(pool, fleet, "before", 0);
      fleet.startServer(
          Map.of(SyncObjectHandler.class, cheap),
          new JobServerSettings(32, Duration.ofSeconds(5), Duration.ofSeconds(5), "soak"));
      Instant started = Instant.now();
      for (int done = 0; done < jobs; done += WAVE) {
        int wave = Math.min(WAVE, jobs - done);
        for (int batch = done; batch < done + wave; batch += BATCH) {
          fleet
              .queue()
              .enqueueAll(
                  IntStream.range(batch, Math.min(batch + BATCH, done + wave))
                      .mapToObj(i -> new SyncObjectRequest("soak", ObjectType.USER, "u" + i, null))
                      .toList());
        }
        await(() -> busy(fleet.storage().getJobStats()) == 0, Duration.ofMinutes(10));
        row(pool, fleet, "during: wave " + (done / WAVE + 1), done + wave);
      }
      double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
      await(
          () -> {
            fleet.purgeFailedJobs();
            JobStats stats = fleet.storage().getJobStats();
            return stats.getSucceeded() + stats.getDeleted() + stats.getFailed() == 0;
          },
          retention.multipliedBy(4).plusMinutes(5));
      row(pool, fleet, "after retention", jobs);
      System.out.printf(
          "%n%d jobs in %.0f s (%.0f jobs/s); retention %d min%n",
          jobs, seconds, jobs / seconds, retention.toMinutes());
    }
  }

  private static long busy(JobStats stats) {
    return stats.getEnqueued() + stats.getProcessing() + stats.getScheduled();
  }

  private static void row(JedisPool pool, JobRunrFleet fleet, String phase, int run) {
    JobStats s = fleet.storage().getJobStats();
    System.out.printf(
        "| %s | %d | %d | %d | %d | %d | %s |%n",
        phase,
        run,
        s.getEnqueued(),
        s.getSucceeded(),
        s.getDeleted(),
        s.getFailed(),
        usedMemory(pool));
  }

  private static String usedMemory(JedisPool pool) {
    try (Jedis jedis = pool.getResource()) {
      List<String> lines =
          jedis.info("memory").lines().filter(l -> l.startsWith("used_memory:")).toList();
      long bytes = Long.parseLong(lines.get(0).substring("used_memory:".length()).trim());
      return String.format("%.1f MB", bytes / 1e6);
    }
  }

  private static void await(BooleanSupplier condition, Duration atMost) {
    Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(1))
        .until(condition::getAsBoolean);
  }
}
