package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.job.RetryLater;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.jobs.states.SucceededState;
import org.junit.jupiter.api.Test;

/** Retries at the target's pace, bounded by time, not by JobRunr's 3^n back-off and count. */
class FleetRetryFilterTest {
  private final MutableClock clock = new MutableClock(Instant.now());
  private final RunAgain runAgain = new RunAgain();
  private final FleetRetryFilter filter =
      new FleetRetryFilter(8, 3, Duration.ofHours(24), clock, runAgain);

  @Test
  void aRetryAfterIsTheRetrysTimeNeitherSoonerNorLater() {
    Job job = aJob();
    for (int attempt = 1; attempt <= 4; attempt++) {
      failWith(job, new RetryLater("429 Too Many Requests", Duration.ofSeconds(2)));
      assertThat(scheduledIn(job))
          .isEqualTo(Duration.ofSeconds(2)); // JobRunr's own: 3, 9, 27, 81 s
    }
  }

  @Test
  void transientFailuresAreRetriedPastTheRetryCountUntilTheRetryPeriodEnds() {
    Job job = aJob();
    for (int attempt = 1; attempt <= 20; attempt++) {
      failWith(job, new RetryLater("503 Service Unavailable", Duration.ZERO));
      assertThat(job.getState()).isEqualTo(StateName.SCHEDULED);
    }
    assertThat(scheduledIn(job)).isEqualTo(FleetRetryFilter.LONGEST_BACK_OFF);

    clock.advance(Duration.ofHours(24).plusSeconds(1));
    failWith(job, new RetryLater("503 Service Unavailable", Duration.ZERO));

    assertThat(job.getState()).isEqualTo(StateName.FAILED);
  }

  @Test
  void withoutRetryAfterTheBackOffStartsShortAndDoubles() {
    assertThat(FleetRetryFilter.backOff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(FleetRetryFilter.backOff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(FleetRetryFilter.backOff(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(FleetRetryFilter.backOff(40)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aJobThatHandedItselfBackIsScheduledOnceWhenItReturnsByItsOwnFleetsFilterOnly() {
    Job mine = aJob();
    Job elsewhere = aJob();
    runAgain.ask(mine.getId(), Duration.ofSeconds(1));
    new RunAgain().ask(elsewhere.getId(), Duration.ofSeconds(1)); // another fleet's hand-back

    filter.onStateElection(mine, new SucceededState(Duration.ZERO, Duration.ZERO));
    filter.onStateElection(elsewhere, new SucceededState(Duration.ZERO, Duration.ZERO));

    assertThat(scheduledIn(mine)).isEqualTo(Duration.ofSeconds(1));
    assertThat(elsewhere.getState()).isEqualTo(StateName.ENQUEUED);
    assertThat(runAgain.take(mine.getId())).as("taken when the job returned").isNull();
  }

  @Test
  void otherFailuresKeepJobRunrsCountedRetries() {
    Job job = aJob();
    for (int attempt = 1; attempt <= 8; attempt++) {
      failWith(job, new IllegalStateException("a bug"));
      assertThat(job.getState()).isEqualTo(StateName.SCHEDULED);
    }
    failWith(job, new IllegalStateException("a bug"));

    assertThat(job.getState()).isEqualTo(StateName.FAILED);
  }

  @Test
  void anExpectedTransientFailurePrintsOneLineAndNoStackTrace() {
    RetryLater later =
        new RetryLater(
            "POST /Users -> 429 Too Many Requests",
            Duration.ofSeconds(2),
            new IllegalStateException("the cause"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    later.printStackTrace(new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(printed.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("io.scimfleet.job.RetryLater: POST /Users -> 429 Too Many Requests");
  }

  private static Job aJob() {
    Job job =
        new Job(
            new JobDetails(
                new FleetJobRequest(new SyncObjectRequest("slack", ObjectType.USER, "u1", null))));
    return job;
  }

  private void failWith(Job job, Exception e) {
    job.failed("An exception occurred during the performance of the job", e);
    filter.onStateElection(job, job.getJobState());
  }

  private Duration scheduledIn(Job job) {
    return Duration.between(clock.instant(), ((ScheduledState) job.getJobState()).getScheduledAt());
  }
}
