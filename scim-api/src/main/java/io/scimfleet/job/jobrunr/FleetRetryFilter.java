package io.scimfleet.job.jobrunr;

import io.scimfleet.job.PermanentJobFailure;
import io.scimfleet.job.RetryLater;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.ElectStateFilter;
import org.jobrunr.jobs.filters.RetryFilter;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.SucceededState;

/**
 * Retries at the target's pace. A job that failed with {@link RetryLater} is retried at its
 * Retry-After (neither sooner nor later), or after a short back-off when it has none, until the job
 * is {@code retryFor} old; then it stays failed with its last error. A {@link PermanentJobFailure}
 * stays failed at once. Any other failure (a bug, a crashed server's job) gets JobRunr's own
 * bounded, counted retries. A job that handed itself back ({@link JobRunrJobQueue#handBack}: its
 * provider's job slots were taken) and returned is scheduled again instead of succeeding: the same
 * job, not a copy. Replaces JobRunr's default retry filter (JobRunr keeps only the last elect-state
 * filter).
 */
final class FleetRetryFilter implements ElectStateFilter {
  /** The back-off without a Retry-After: 5 s doubling per failed attempt, at most 10 min. */
  static final Duration FIRST_BACK_OFF = Duration.ofSeconds(5);

  static final Duration LONGEST_BACK_OFF = Duration.ofMinutes(10);

  private final RetryFilter counted;
  private final Duration retryFor;
  private final Clock clock;
  private final RunAgain runAgain;

  /**
   * @param runAgain the running jobs that handed themselves back, shared with the fleet's queues
   */
  FleetRetryFilter(
      int retries, int backOffSeedSeconds, Duration retryFor, Clock clock, RunAgain runAgain) {
    this.counted = new RetryFilter(retries, backOffSeedSeconds);
    this.retryFor = retryFor;
    this.clock = clock;
    this.runAgain = runAgain;
  }

  @Override
  public void onStateElection(Job job, JobState newState) {
    Duration again =
        newState instanceof SucceededState || newState instanceof FailedState
            ? runAgain.take(job.getId())
            : null;
    if (again != null && newState instanceof SucceededState) {
      job.scheduleAt(
          clock.instant().plus(again),
          "handed back: its provider's job slots were taken; runs again in "
              + again.toMillis()
              + " ms");
      return;
    }
    if (newState instanceof FailedState failed
        && failed.getException() instanceof PermanentJobFailure) return;
    if (!(newState instanceof FailedState failed
        && failed.getException() instanceof RetryLater later)) {
      counted.onStateElection(job, newState);
      return;
    }
    Instant now = clock.instant();
    if (job.getCreatedAt().plus(retryFor).isBefore(now)) return; // out of time: it stays failed
    Duration wait = later.notBefore().isZero() ? backOff(failures(job)) : later.notBefore();
    job.scheduleAt(now.plus(wait), "retry in " + wait.toSeconds() + " s: " + later.getMessage());
  }

  static Duration backOff(long failures) {
    long shift = Math.min(Math.max(failures - 1, 0), 20);
    Duration wait = FIRST_BACK_OFF.multipliedBy(1L << shift);
    return wait.compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF : wait;
  }

  private static long failures(Job job) {
    return job.getJobStates().stream().filter(FailedState.class::isInstance).count();
  }
}
