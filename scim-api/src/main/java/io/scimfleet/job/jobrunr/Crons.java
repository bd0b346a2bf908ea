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
    try {
      new CronExpression(cron);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "fullSyncCron '" + cron + "' is not a valid cron expression: " + e.getMessage());
    }
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
