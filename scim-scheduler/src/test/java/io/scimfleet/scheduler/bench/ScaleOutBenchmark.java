package io.scimfleet.scheduler.bench;

import io.scimfleet.testing.TestRedis;

/**
 * Scale-out where CPU is not the bound (issue 25): a target answering every request in 200 ms,
 * {@code bulk: off} (one request per user), {@code driftCheck: off} (the drift check's listing is
 * one job, not shared out), default pacing and {@code maxConcurrency} 8. For 1, 2 and 4 workers and
 * for 600 users (the small sync, 6 pages) and 5,000 (the large one, 50 pages), a fleet of its own
 * (scheduler and workers as processes, a fresh target): a first full sync (warm-up: JIT, and the
 * target host's adaptive limit learned in Redis, as a sync an hour later finds it), then a timed
 * forced full sync (every user sent again). Prints each ratio next to its goal (2 workers ≥ 1.8×, 4
 * ≥ 3.2×). Run alone with {@code bench/scale-out.sh}, or as part of {@code bench/speed.sh} (when
 * its scaleUsers is above 0).
 */
final class ScaleOutBenchmark {
  static final long LATENCY_MS = 200;
  static final int SMALL = 600;
  static final int LARGE = 5_000;
  private static final int[] WORKERS = {1, 2, 4};

  private ScaleOutBenchmark() {}

  /**
   * No arguments: the whole table. {@code <workers> <users>}: that one forced sync, its seconds.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 2) {
      int workers = Integer.parseInt(args[0]);
      int users = Integer.parseInt(args[1]);
      System.out.printf(
          "forced full sync of %d users, %d worker(s): %.1f s%n",
          users, workers, forcedSync(new SpeedBenchmark(), workers, users));
      System.exit(0);
    }
    GoalTable rows = new GoalTable();
    latencyBound(new SpeedBenchmark(), rows);
    rows.print(System.out);
    System.exit(0);
  }

  /**
   * Adds the times and the four ratios (with their goals) to {@code rows}; the goals 2 workers and
   * 4 workers get the lower of the small and the large sync's ratio.
   */
  static void latencyBound(SpeedBenchmark bench, GoalTable rows) throws Exception {
    double[] small = new double[WORKERS.length];
    double[] large = new double[WORKERS.length];
    for (int i = 0; i < WORKERS.length; i++) {
      small[i] = forcedSync(bench, WORKERS[i], SMALL);
      large[i] = forcedSync(bench, WORKERS[i], LARGE);
      System.out.printf(
          "scale-out: %d worker(s): small %.1f s, large %.1f s%n", WORKERS[i], small[i], large[i]);
    }
    String setting = LATENCY_MS + " ms target, bulk off, maxConcurrency 8";
    rows.put(
        "forced full sync of " + SMALL + " users (6 pages), " + setting + ", 1 / 2 / 4 workers",
        String.format("%.1f s / %.1f s / %.1f s", small[0], small[1], small[2]));
    rows.put(
        "forced full sync of " + LARGE + " users (50 pages), " + setting + ", 1 / 2 / 4 workers",
        String.format("%.1f s / %.1f s / %.1f s", large[0], large[1], large[2]));
    rows.put("scale-out, small sync: 2 workers ÷ 1", ratio(small[0] / small[1], 1.8));
    rows.put("scale-out, small sync: 4 workers ÷ 1", ratio(small[0] / small[2], 3.2));
    rows.put("scale-out, large sync: 2 workers ÷ 1", ratio(large[0] / large[1], 1.8));
    rows.put("scale-out, large sync: 4 workers ÷ 1", ratio(large[0] / large[2], 3.2));
    rows.measured(Goal.TWO_WORKERS, Math.min(small[0] / small[1], large[0] / large[1]));
    rows.measured(Goal.FOUR_WORKERS, Math.min(small[0] / small[2], large[0] / large[2]));
  }

  private static String ratio(double measured, double goal) {
    return String.format(
        "%.2f× (goal ≥ %.1f×: %s)", measured, goal, measured >= goal ? "met" : "NOT met");
  }

  /**
   * The seconds of a forced full sync of {@code users} users with {@code workers} workers, in a
   * fleet and against a target of its own, after a first full sync of them (the warm-up).
   */
  private static double forcedSync(SpeedBenchmark bench, int workers, int users) throws Exception {
    String prefix = TestRedis.uniquePrefix("bench-scale-out");
    String name = "scale-out-target-" + workers + "-" + users;
    try (BenchProcess target = bench.target(LATENCY_MS, name)) {
      String[] url = target.await(SpeedBenchmark.TARGET_READY).split(" ", -1);
      try (SpeedBenchmark.Fleet fleet =
          SpeedBenchmark.Fleet.start(bench, prefix, workers, true, url[1])) {
        fleet.importUsers("so" + workers, 0, users);
        fleet.putProvider("scale", url[0], "off", "off");
        fleet.awaitRun("scale", fleet.startSync("scale")); // warm-up
        return timed(fleet);
      }
    } finally {
      bench.deleteKeys(prefix);
    }
  }

  private static double timed(SpeedBenchmark.Fleet fleet) throws Exception {
    long start = System.currentTimeMillis();
    fleet.awaitRun("scale", fleet.startSync("scale", true));
    return (System.currentTimeMillis() - start) / 1000.0;
  }
}
