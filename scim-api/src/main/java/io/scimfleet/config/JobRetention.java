package io.scimfleet.config;

import java.time.Duration;
import java.util.Map;

/**
 * How long JobRunr keeps finished jobs in Redis. Our own sync state keeps the lasting record of
 * each object, so the defaults are short: succeeded jobs an hour, deleted ones an hour more, failed
 * ones seven days (long enough to read them in the dashboard and requeue them).
 *
 * @param succeeded until a succeeded job is moved to deleted ({@code
 *     SCIM_SUCCEEDED_JOB_RETENTION_MINUTES})
 * @param deleted until a deleted job is removed for good ({@code
 *     SCIM_DELETED_JOB_RETENTION_MINUTES})
 * @param failed until a failed job is removed for good ({@code SCIM_FAILED_JOB_RETENTION_DAYS});
 *     JobRunr 7.5.3 never removes them itself, {@code FailedJobPurge} does
 */
public record JobRetention(Duration succeeded, Duration deleted, Duration failed) {
  public JobRetention {
    for (Duration d : new Duration[] {succeeded, deleted, failed}) {
      if (d.isNegative() || d.isZero())
        throw new IllegalArgumentException("job retention must be positive");
    }
  }

  public static JobRetention defaults() {
    return new JobRetention(Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(7));
  }

  public static JobRetention fromEnv(Map<String, String> env) {
    JobRetention d = defaults();
    return new JobRetention(
        Duration.ofMinutes(
            EnvNumbers.wholeNumber(
                env, "SCIM_SUCCEEDED_JOB_RETENTION_MINUTES", d.succeeded().toMinutes())),
        Duration.ofMinutes(
            EnvNumbers.wholeNumber(
                env, "SCIM_DELETED_JOB_RETENTION_MINUTES", d.deleted().toMinutes())),
        Duration.ofDays(
            EnvNumbers.wholeNumber(env, "SCIM_FAILED_JOB_RETENTION_DAYS", d.failed().toDays())));
  }
}
