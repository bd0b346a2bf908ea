package io.scimfleet.job.jobrunr;

import io.scimfleet.job.RetryLater;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.filters.RetryFilter;

/**
 * JobRunr's exponential back-off, but never sooner than the target asked: when the attempt failed
 * with {@link RetryLater} carrying a Retry-After, the retry waits at least that long. Replaces
 * JobRunr's default retry filter (JobRunr keeps only the last elect-state filter).
 */
final class FleetRetryFilter extends RetryFilter {
  FleetRetryFilter(int retries, int backOffSeedSeconds) {
    super(retries, backOffSeedSeconds);
  }

  @Override
  protected long getSecondsToAdd(Job job) {
    long backOff = super.getSecondsToAdd(job);
    return Math.max(backOff, retryAfterSeconds(job.getJobState()));
  }

  static long retryAfterSeconds(JobState state) {
    if (state instanceof FailedState failed && failed.getException() instanceof RetryLater later) {
      long seconds = later.notBefore().toSeconds();
      return later.notBefore().toMillis() % 1000 == 0 ? seconds : seconds + 1;
    }
    return 0;
  }
}
