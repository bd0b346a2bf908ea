package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.job.FetchPolicy;
import io.scimfleet.job.FleetJob;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.junit.jupiter.api.Test;

/**
 * A fetch by a worker with a {@link FetchPolicy}: the enqueued jobs it takes, read oldest first
 * past those its policy leaves, and what it tells the policy back after the save.
 */
class PolicyFetchTest {
  private final LeavesCrm policy = new LeavesCrm();

  @Test
  void theJobsThePolicyLeavesAreSkippedAndTheNextOnesTaken() {
    List<Job> enqueued = List.of(job("crm", "a"), job("crm", "b"), job("hr", "c"), job("hr", "d"));

    List<Job> chosen = new PolicyFetch(2, policy).choose(from(enqueued), Instant.now());

    assertThat(objectIds(chosen)).containsExactly("c", "d");
  }

  @Test
  void anOverdueJobIsTakenEvenWhereThePolicyWouldLeaveIt() {
    List<Job> enqueued = List.of(job("crm", "a"), job("hr", "b"));
    Instant later = Instant.now().plus(PolicyFetch.OVERDUE).plusSeconds(1);

    List<Job> chosen = new PolicyFetch(2, policy).choose(from(enqueued), later);

    assertThat(objectIds(chosen)).containsExactly("a", "b");
  }

  @Test
  void aJobTakenAndThenSavedByAnotherServerIsToldBackToThePolicy() {
    List<Job> enqueued = List.of(job("hr", "a"), job("hr", "b"));
    PolicyFetch fetch = new PolicyFetch(2, policy);
    List<Job> chosen = fetch.choose(from(enqueued), Instant.now());

    fetch.settle(List.of(chosen.get(0)));

    assertThat(policy.lost).containsExactly("b");
  }

  @Test
  void atMostSoManyEnqueuedJobsAreLookedAtInOneFetch() {
    List<Job> enqueued =
        Stream.concat(
                IntStream.range(0, PolicyFetch.SCAN_AT_MOST).mapToObj(i -> job("crm", "c" + i)),
                Stream.of(job("hr", "late")))
            .toList();

    List<Job> chosen = new PolicyFetch(4, policy).choose(from(enqueued), Instant.now());

    assertThat(chosen).as("left for a later fetch, or until the others are overdue").isEmpty();
    assertThat(policy.asked).hasSize(PolicyFetch.SCAN_AT_MOST);
  }

  private static java.util.function.BiFunction<Integer, Integer, List<Job>> from(List<Job> jobs) {
    return (offset, count) ->
        jobs.subList(Math.min(offset, jobs.size()), Math.min(offset + count, jobs.size()));
  }

  private static Job job(String provider, String objectId) {
    return new Job(
        new JobDetails(
            new FleetJobRequest(new SyncObjectRequest(provider, ObjectType.USER, objectId, null))));
  }

  private static List<String> objectIds(List<Job> jobs) {
    return jobs.stream().map(PolicyFetchTest::objectId).toList();
  }

  private static String objectId(Job job) {
    FleetJobRequest request =
        (FleetJobRequest) job.getJobDetails().getJobParameters().get(0).getObject();
    return ((SyncObjectRequest) request.job()).objectId();
  }

  /** A worker at its share of crm: leaves crm's jobs unless they are overdue. */
  private static final class LeavesCrm implements FetchPolicy {
    final List<String> asked = new ArrayList<>();
    final List<String> lost = new ArrayList<>();

    @Override
    public boolean take(FleetJob job, boolean overdue) {
      asked.add(((SyncObjectRequest) job).objectId());
      return overdue || !job.provider().equals("crm");
    }

    @Override
    public void lost(FleetJob job) {
      lost.add(((SyncObjectRequest) job).objectId());
    }
  }
}
