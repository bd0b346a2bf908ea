package io.scimfleet.deploy;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of PromQL to list the metric names an expression reads. */
final class PromQl {

  /** Our metrics (docs/operations.md), as Prometheus names them, with each timer's series. */
  static final Set<String> SCIM_METRICS =
      Set.of(
          "scim_sync_objects_total",
          "scim_requests_seconds_bucket",
          "scim_requests_seconds_count",
          "scim_requests_seconds_sum",
          "scim_requests_seconds_max",
          "scim_retries_total",
          "scim_rate_limit_waits_total",
          "scim_rate_limit_wait_seconds_total",
          "scim_full_sync_runs_total",
          "scim_full_sync_duration_seconds_bucket",
          "scim_full_sync_duration_seconds_count",
          "scim_full_sync_duration_seconds_sum",
          "scim_full_sync_duration_seconds_max",
          "scim_full_sync_last_success_timestamp_seconds",
          "scim_full_sync_interval_seconds",
          "scim_pending_jobs",
          "scim_provider_quarantined",
          "scim_deletions_held",
          "scim_propagation_seconds_bucket",
          "scim_propagation_seconds_count",
          "scim_propagation_seconds_sum",
          "scim_propagation_seconds_max",
          "scim_changes_dropped_total",
          "scim_lock_lost_writes_total",
          "scim_inbound_requests_total",
          "scim_inbound_request_duration_seconds_bucket",
          "scim_inbound_request_duration_seconds_count",
          "scim_inbound_request_duration_seconds_sum",
          "scim_inbound_request_duration_seconds_max",
          "scim_source_objects",
          "scim_source_read_seconds_count",
          "scim_source_read_seconds_sum",
          "scim_source_read_seconds_max",
          "scim_source_errors_total",
          "scim_source_failing",
          "scim_source_deletions_held");

  /**
   * JobRunr 7.5.3's Micrometer metrics, read from its jar: StorageProviderMetricsBinder registers
   * gauges {@code jobrunr.jobs.<state>} tagged {@code state=<STATE>};
   * BackgroundJobServerMetricsBinder registers {@code jobrunr.background-job-server.*} tagged with
   * the server's {@code id} (two are FunctionCounters).
   */
  static final Set<String> JOBRUNR_METRICS =
      Set.of(
          "jobrunr_jobs_scheduled",
          "jobrunr_jobs_enqueued",
          "jobrunr_jobs_processing",
          "jobrunr_jobs_failed",
          "jobrunr_jobs_succeeded",
          "jobrunr_jobs_all_time_succeeded",
          "jobrunr_jobs_deleted",
          "jobrunr_jobs_recurring",
          "jobrunr_jobs_background_job_servers",
          "jobrunr_background_job_server_poll_interval_in_seconds_total",
          "jobrunr_background_job_server_worker_pool_size_total",
          "jobrunr_background_job_server_process_all_located_memory",
          "jobrunr_background_job_server_process_free_memory",
          "jobrunr_background_job_server_system_free_memory",
          "jobrunr_background_job_server_system_total_memory",
          "jobrunr_background_job_server_first_heartbeat",
          "jobrunr_background_job_server_last_heartbeat",
          "jobrunr_background_job_server_system_cpu_load",
          "jobrunr_background_job_server_process_cpu_load");

  /**
   * Micrometer's ready-made binders (docs/operations.md): JVM and process series on every process,
   * the HttpClient 5 pool of each target, and the page pool's executor series.
   */
  static final Set<String> BINDER_METRICS =
      Set.of(
          "jvm_memory_used_bytes",
          "jvm_memory_committed_bytes",
          "jvm_memory_max_bytes",
          "jvm_gc_pause_seconds_count",
          "jvm_gc_pause_seconds_sum",
          "jvm_gc_pause_seconds_max",
          "jvm_gc_overhead",
          "jvm_threads_live_threads",
          "jvm_threads_peak_threads",
          "jvm_threads_daemon_threads",
          "jvm_classes_loaded_classes",
          "process_cpu_usage",
          "system_cpu_usage",
          "process_uptime_seconds",
          "process_start_time_seconds",
          "process_files_open_files",
          "process_files_max_files",
          "httpcomponents_httpclient_pool_total_connections",
          "httpcomponents_httpclient_pool_total_pending",
          "httpcomponents_httpclient_pool_total_max",
          "httpcomponents_httpclient_pool_route_max_default",
          "executor_active_threads",
          "executor_queued_tasks",
          "executor_pool_size_threads",
          "executor_completed_tasks_total");

  /** Prometheus' own scrape health. */
  static final Set<String> PROMETHEUS_METRICS = Set.of("up");

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan");
  private static final Pattern STRINGS =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPINGS =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

  private PromQl() {}

  static Set<String> metricNames(String expr) {
    String stripped = STRINGS.matcher(expr).replaceAll("\"\"");
    stripped = MATCHERS.matcher(stripped).replaceAll(" ");
    stripped = RANGES.matcher(stripped).replaceAll(" ");
    stripped = GROUPINGS.matcher(stripped).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(stripped);
    while (m.find()) {
      boolean isFunction = m.group(2) != null;
      if (!isFunction && !KEYWORDS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  static boolean isKnown(String metric) {
    return SCIM_METRICS.contains(metric)
        || JOBRUNR_METRICS.contains(metric)
        || BINDER_METRICS.contains(metric)
        || PROMETHEUS_METRICS.contains(metric);
  }

  /** True when every JobRunr job-state gauge in the expression sits directly inside max(...). */
  static boolean jobStateGaugesAggregatedWithMax(String expr) {
    Matcher m =
        Pattern.compile("(\\w+)\\s*\\(\\s*(?:\\w+\\s*\\(\\s*)?jobrunr_jobs_\\w+").matcher(expr);
    int found = 0;
    while (m.find()) {
      found++;
      if (!m.group(1).equals("max")) {
        return false;
      }
    }
    return found == countOccurrences(expr, "jobrunr_jobs_");
  }

  private static int countOccurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
