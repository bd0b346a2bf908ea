package io.scimfleet.worker.handler;

import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.Stores;
import io.scimfleet.store.redis.RedisStores;
import io.scimfleet.testing.RedisFixture;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Plans a full sync of {@code args[0]} users (default 1,000,000) with {@link PagePlan} against real
 * Redis under its own prefix, and prints one line: users, pages, peak heap (MiB, the heap pools'
 * peaks since the seeding, summed: an upper bound), max heap and time. Run it in its own JVM with
 * the heap to prove ({@code bench/memory.sh} uses -Xmx256m). The user index is seeded directly (ids
 * only, which is all the plan reads), and every key is removed after.
 */
public final class PlanMemoryBenchmark {
  private PlanMemoryBenchmark() {}

  public static void main(String[] args) {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    try (RedisFixture redis = RedisFixture.open(PlanMemoryBenchmark.class)) {
      seed(redis, users);
      Stores stores = RedisStores.create(redis.pool(), redis.prefix());
      System.gc();
      resetPeaks();
      long start = System.nanoTime();
      List<SyncPageRequest> pages =
          PagePlan.pages(stores.directory(), ObjectType.USER, "bench", "run-1", false, 8);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "plan\t%d users\t%d pages\tpeak heap %.0f MiB\tmax heap %.0f MiB\t%.1f s%n",
          users,
          pages.size(),
          peakHeapMib(),
          Runtime.getRuntime().maxMemory() / 1048576.0,
          seconds);
    }
  }

  private static void seed(RedisFixture redis, int users) {
    String index = redis.keys().userIndex();
    try (Jedis jedis = redis.pool().getResource()) {
      Pipeline pipeline = jedis.pipelined();
      Map<String, Double> batch = new HashMap<>();
      for (int i = 0; i < users; i++) {
        batch.put(String.format(Locale.ROOT, "user-%08d", i), 0.0);
        if (batch.size() == 10_000 || i == users - 1) {
          pipeline.zadd(index, batch);
          batch = new HashMap<>();
        }
      }
      pipeline.sync();
    }
  }

  static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  static double peakHeapMib() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .toList();
  }
}
