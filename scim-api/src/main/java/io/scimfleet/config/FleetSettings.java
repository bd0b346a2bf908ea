package io.scimfleet.config;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The process settings, from environment variables (README has the table). Secrets are kept out of
 * {@link #toString()}.
 *
 * @param redisUrl null: in-memory stores and jobs (all-in-one only)
 * @param security secret sources, the encryption key, target rules, the directory token
 * @param imports how large one {@code POST /api/v1/import} may be
 * @param redisSentinelPassword the sentinels' own password for a {@code redis-sentinel://} URL
 *     (null: they need none)
 */
public record FleetSettings(
    @Nullable String redisUrl,
    String redisPrefix,
    int httpPort,
    int dashboardPort,
    int metricsPort,
    @Nullable String adminToken,
    int workerThreads,
    int pollIntervalSeconds,
    int drainSeconds,
    int pageThreads,
    @Nullable String configFile,
    long maxBodyBytes,
    SecuritySettings security,
    ImportLimits imports,
    @Nullable String redisSentinelPassword) {

  public static FleetSettings fromEnv() {
    return fromEnv(System.getenv());
  }

  public static FleetSettings fromEnv(Map<String, String> env) {
    return new FleetSettings(
        blankToNull(env.get("REDIS_URL")),
        env.getOrDefault("SCIM_REDIS_PREFIX", "scim:"),
        EnvNumbers.wholeInt(env, "SCIM_HTTP_PORT", 8080),
        EnvNumbers.wholeInt(env, "SCIM_DASHBOARD_PORT", 8000),
        EnvNumbers.wholeInt(env, "SCIM_METRICS_PORT", 9090),
        blankToNull(env.get("SCIM_ADMIN_TOKEN")),
        EnvNumbers.wholeInt(env, "SCIM_WORKER_THREADS", 16),
        Math.max(5, EnvNumbers.wholeInt(env, "SCIM_POLL_INTERVAL_SECONDS", 5)),
        EnvNumbers.wholeInt(env, "SCIM_DRAIN_SECONDS", 30),
        EnvNumbers.wholeInt(env, "SCIM_PAGE_THREADS", 16),
        blankToNull(env.get("SCIM_CONFIG")),
        EnvNumbers.wholeInt(env, "SCIM_MAX_BODY_BYTES", 1_048_576),
        SecuritySettings.fromEnv(env),
        ImportLimits.fromEnv(env),
        blankToNull(env.get("SCIM_REDIS_SENTINEL_PASSWORD")));
  }

  public FleetSettings withSecurity(SecuritySettings value) {
    return new FleetSettings(
        redisUrl,
        redisPrefix,
        httpPort,
        dashboardPort,
        metricsPort,
        adminToken,
        workerThreads,
        pollIntervalSeconds,
        drainSeconds,
        pageThreads,
        configFile,
        maxBodyBytes,
        value,
        imports,
        redisSentinelPassword);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "FleetSettings[redis="
        + (redisUrl == null ? "in-memory" : RedisUrl.redacted(redisUrl))
        + ", prefix="
        + redisPrefix
        + ", httpPort="
        + httpPort
        + ", dashboardPort="
        + dashboardPort
        + ", metricsPort="
        + metricsPort
        + ", workerThreads="
        + workerThreads
        + ", poll="
        + pollIntervalSeconds
        + "s, config="
        + configFile
        + ", "
        + security
        + "]";
  }
}
