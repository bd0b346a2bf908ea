package io.scimfleet.scheduler.bench;

/** The goals of issues 25 and 26, each with how the bench measures it. */
enum Goal {
  RATIO("full sync rate ÷ raw create ceiling", 0.85, true, "%.2f"),
  UNCHANGED_RESYNC("unchanged re-sync time ÷ first full sync's time", 0.10, false, "%.2f"),
  CPU_PER_OBJECT("fleet CPU per object, warm forced full sync", 0.5, false, "%.2f ms"),
  IMPORT_JOBS("jobs enqueued per 10,000 imported users", 100, false, "%.0f"),
  TWO_WORKERS("2 workers ÷ 1, latency-bound full sync (bulk off)", 1.8, true, "%.2f×"),
  FOUR_WORKERS("4 workers ÷ 1, latency-bound full sync (bulk off)", 3.2, true, "%.2f×"),
  LATENCY_P50("change → target latency p50 at 50 changes/s, worst warm run", 0.3, false, "%.2f s"),
  LATENCY_P99("change → target latency p99 at 50 changes/s, worst warm run", 1.0, false, "%.2f s"),
  CPU_PER_CHANGE(
      "fleet CPU per change (API write → target write), median warm run", 1.5, false, "%.2f ms");

  private final String label;
  private final double bound;
  private final boolean atLeast;
  private final String format;

  Goal(String label, double bound, boolean atLeast, String format) {
    this.label = label;
    this.bound = bound;
    this.atLeast = atLeast;
    this.format = format;
  }

  /** "full sync rate ÷ raw create ceiling ≥ 0.85" */
  String describe() {
    return label + (atLeast ? " ≥ " : " ≤ ") + String.format(format, bound);
  }

  boolean met(double value) {
    return atLeast ? value >= bound : value <= bound;
  }

  /** "0.46, not met" */
  String verdict(double value) {
    return String.format(format, value) + (met(value) ? ", met" : ", **not met**");
  }
}
