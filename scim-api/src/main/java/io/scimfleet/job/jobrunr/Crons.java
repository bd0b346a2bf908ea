package io.scimfleet.job.jobrunr;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jobrunr.scheduling.cron.CronExpression;

/** Cron expressions as the job system reads them: validation, and the period between two runs. */
public final class Crons {
  private Crons() {}

  /** Throws {@link IllegalArgumentException} with a readable message when the cron is not valid. */
  public static void requireValid(String cron) {
    requireValid("fullSyncCron", cron);
  }

  /** Likewise, naming the field. */
  public static void requireValid(String field, String cron) {
    try {
      new CronExpression(cron);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          field
              + " '"
              + cron
              + "' is not a valid cron expression ("
              + e.getMessage()
              + "): give 5 fields, minute hour day-of-month month day-of-week, e.g. '0 3 * * *'"
              + " for daily at 03:00 UTC");
    }
  }

  /** True when the cron has a time after {@code since} and not after {@code now} (UTC). */
  public static boolean firedBetween(String cron, Instant since, Instant now) {
    CronExpression expression = new CronExpression(cron);
    Instant next = expression.next(since, since, ZoneOffset.UTC);
    return !next.isAfter(now);
  }

  /** The time between the next two runs (for the staleness alert). */
  public static Duration period(String cron) {
    CronExpression expression = new CronExpression(cron);
    Instant now = Instant.now();
    Instant first = expression.next(now, now, ZoneOffset.UTC);
    Instant second = expression.next(now, first, ZoneOffset.UTC);
    return Duration.between(first, second);
  }
}
