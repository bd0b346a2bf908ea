package io.scimfleet.config;

import io.scimfleet.mapping.MappingLimits;
import io.scimfleet.store.ReceiptStore;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settings both processes share, from environment variables (README has the table). A process
 * reads its environment once, at start, in its composition root ({@code SchedulerMain}, {@code
 * WorkerMain}), through {@link #fromEnv()} and the scheduler's own settings; the rest of the fleet
 * is handed what it needs and never reads a variable itself ({@code OnlyTheSettingsReadTheEnvTest}
 * holds this). A bad value fails the start with a message that names the variable. Secrets are kept
 * out of {@link #toString()}.
 *
 * @param redisUrl null: in-memory stores and jobs (all-in-one only)
 * @param security secret sources, the encryption key, target rules, the directory token
 * @param imports how large one {@code POST /api/v1/import} may be
 * @param redisSentinelPassword the sentinels' own password for a {@code redis-sentinel://} URL
 *     (null: they need none)
 * @param mappingLimits the bounds of every JSONata evaluation ({@code SCIM_MAPPING_*})
 * @param jobRetention how long finished jobs are kept ({@code SCIM_*_JOB_RETENTION_*})
 * @param receiptRetention how long a deleted user's receipts stay ({@code
 *     SCIM_RECEIPT_RETENTION_DAYS})
 * @param worker what a worker reads besides these (the worker process, and the worker an all-in-one
 *     scheduler embeds)
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
    @Nullable String redisSentinelPassword,
    MappingLimits mappingLimits,
    JobRetention jobRetention,
    Duration receiptRetention,
    WorkerSettings worker) {

  /** This process's environment; only a composition root calls it, once. */
  public static FleetSettings fromEnv() {
    return fromEnv(environment());
  }

  /**
   * The process's environment variables: the one place the fleet reads them. Only a composition
   * root calls it, once at start, and parses what it needs into settings.
   */
  public static Map<String, String> environment() {
    return System.getenv();
  }

  public static FleetSettings fromEnv(Map<String, String> env) {
    int workerThreads = EnvNumbers.wholeInt(env, "SCIM_WORKER_THREADS", 16);
    return new FleetSettings(
        blankToNull(env.get("REDIS_URL")),
        env.getOrDefault("SCIM_REDIS_PREFIX", "scim:"),
        EnvNumbers.wholeInt(env, "SCIM_HTTP_PORT", 8080),
        EnvNumbers.wholeInt(env, "SCIM_DASHBOARD_PORT", 8000),
        EnvNumbers.wholeInt(env, "SCIM_METRICS_PORT", 9090),
        blankToNull(env.get("SCIM_ADMIN_TOKEN")),
        workerThreads,
        Math.max(5, EnvNumbers.wholeInt(env, "SCIM_POLL_INTERVAL_SECONDS", 5)),
        EnvNumbers.wholeInt(env, "SCIM_DRAIN_SECONDS", 30),
        EnvNumbers.wholeInt(env, "SCIM_PAGE_THREADS", 16),
        blankToNull(env.get("SCIM_CONFIG")),
        EnvNumbers.wholeInt(env, "SCIM_MAX_BODY_BYTES", 1_048_576),
        SecuritySettings.fromEnv(env),
        ImportLimits.fromEnv(env),
        blankToNull(env.get("SCIM_REDIS_SENTINEL_PASSWORD")),
        mappingLimits(env),
        JobRetention.fromEnv(env),
        Duration.ofDays(
            EnvNumbers.atLeast(
                env, "SCIM_RECEIPT_RETENTION_DAYS", ReceiptStore.DEFAULT_RETENTION_DAYS, 1)),
        WorkerSettings.fromEnv(env, workerThreads));
  }

  static MappingLimits mappingLimits(Map<String, String> env) {
    MappingLimits d = MappingLimits.defaults();
    return new MappingLimits(
        Duration.ofMillis(
            EnvNumbers.atLeast(env, "SCIM_MAPPING_TIMEOUT_MS", d.timeout().toMillis(), 1)),
        EnvNumbers.intAtLeast(env, "SCIM_MAPPING_MAX_DEPTH", d.maxDepth(), 1),
        EnvNumbers.intAtLeast(env, "SCIM_MAPPING_MAX_STRING", d.maxStringLength(), 1),
        EnvNumbers.intAtLeast(env, "SCIM_MAPPING_MAX_ARRAY", d.maxArrayLength(), 1));
  }

  /** The same settings with this admin token (all-in-one generates one when none is set). */
  public FleetSettings withAdminToken(String value) {
    return with(redisUrl, value, configFile, security, redisSentinelPassword);
  }

  /** The same settings without Redis, admin token or provider file (the one-shot sync). */
  public FleetSettings inMemory() {
    return with(null, null, null, security, null);
  }

  public FleetSettings withSecurity(SecuritySettings value) {
    return with(redisUrl, adminToken, configFile, value, redisSentinelPassword);
  }

  /** These settings with the ones a process may change after reading them. */
  private FleetSettings with(
      @Nullable String redis,
      @Nullable String token,
      @Nullable String config,
      SecuritySettings securitySettings,
      @Nullable String sentinelPassword) {
    return new FleetSettings(
        redis,
        redisPrefix,
        httpPort,
        dashboardPort,
        metricsPort,
        token,
        workerThreads,
        pollIntervalSeconds,
        drainSeconds,
        pageThreads,
        config,
        maxBodyBytes,
        securitySettings,
        imports,
        sentinelPassword,
        mappingLimits,
        jobRetention,
        receiptRetention,
        worker);
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
