package io.scimfleet.secret;

import java.util.Set;

/**
 * Every environment variable the fleet itself reads. None is ever a provider's secret, even inside
 * the target prefix ({@code SCIM_TARGET_ALLOW}, {@code SCIM_TARGET_DENY}, {@code
 * SCIM_TARGET_ENV_PREFIX}) or when the operator widens the prefix: a provider pointed at a server
 * its author controls must not learn how the fleet is configured. A new variable goes here too
 * ({@code FleetVariablesTest} finds the ones the code reads).
 */
public final class FleetVariables {
  public static final Set<String> NAMES =
      Set.of(
          "REDIS_URL",
          "HOSTNAME",
          "REDIS_PASSWORD",
          "JAVA_TOOL_OPTIONS",
          "SCIM_ADAPTIVE_CONCURRENCY",
          "SCIM_ADMIN_TOKEN",
          "SCIM_ALLOW_HTTP_TARGETS",
          "SCIM_ALLOW_INSECURE_TLS",
          "SCIM_CONFIG",
          "SCIM_DASHBOARD_PASSWORD",
          "SCIM_DASHBOARD_PASSWORD_FILE",
          "SCIM_DASHBOARD_PORT",
          "SCIM_DASHBOARD_BIND",
          "SCIM_DASHBOARD_USER",
          "SCIM_DELETED_JOB_RETENTION_MINUTES",
          "SCIM_DIRECTORY_TOKEN",
          "SCIM_DRAIN_SECONDS",
          "SCIM_FAILED_JOB_RETENTION_DAYS",
          "SCIM_HTTP_PORT",
          "SCIM_INBOUND_MAX_RESULTS",
          "SCIM_INBOUND_RATE",
          "SCIM_INBOUND_TOKEN",
          "SCIM_INBOUND_TOKEN_FILE",
          "SCIM_JOBS_PER_PROVIDER",
          "SCIM_MAPPING_MAX_ARRAY",
          "SCIM_MAPPING_MAX_DEPTH",
          "SCIM_MAPPING_MAX_STRING",
          "SCIM_MAPPING_TIMEOUT_MS",
          "SCIM_MAX_BODY_BYTES",
          "SCIM_MAX_IMPORT_BYTES",
          "SCIM_MAX_IMPORT_LINES",
          "SCIM_MAX_RESPONSE_BYTES",
          "SCIM_METRICS_PORT",
          "SCIM_PAGE_THREADS",
          "SCIM_PAGE_THREADS_MAX",
          "SCIM_PASSWORD_TTL",
          "SCIM_POLL_INTERVAL_SECONDS",
          "SCIM_RECEIPT_RETENTION_DAYS",
          "SCIM_REDIS_PREFIX",
          "SCIM_REDIS_SENTINEL_PASSWORD",
          "SCIM_RETRY_FOR",
          "SCIM_RETRY_WAIT_IN_JOB",
          "SCIM_SECRETS_DIR",
          "SCIM_SECRET_KEY",
          "SCIM_SECRET_KEY_FILE",
          "SCIM_SECRET_KEY_PREVIOUS",
          "SCIM_SUCCEEDED_JOB_RETENTION_MINUTES",
          "SCIM_TARGET_ALLOW",
          "SCIM_TARGET_DENY",
          "SCIM_TARGET_ENV_PREFIX",
          "SCIM_UI_SECURE_COOKIE",
          "SCIM_UI_SESSION_MINUTES",
          "SCIM_WARM_UP_SECONDS",
          "SCIM_WORKER_THREADS");

  private FleetVariables() {}

  public static boolean isFleetVariable(String name) {
    return NAMES.contains(name);
  }
}
