package io.scimfleet.scheduler.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncObjectsRequest;
import io.scimfleet.model.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JobBatchesTest {

  @Test
  void aTrickleKeepsOneJobPerObject() {
    List<SyncObjectRequest> jobs = jobs("slack", JobBatches.TRICKLE);

    assertThat(JobBatches.of(jobs, JobBatches.TRICKLE)).containsExactlyElementsOf(jobs);
  }

  @Test
  void aBurstBecomesEvenJobsOfAtMostAHundredObjectsEachInOrder() {
    List<SyncObjectRequest> jobs = jobs("slack", 250);

    List<FleetJob> batches = JobBatches.of(jobs, JobBatches.TRICKLE);

    assertThat(batches)
        .hasSize(3)
        .allSatisfy(job -> assertThat(job).isInstanceOf(SyncObjectsRequest.class));
    assertThat(batches)
        .extracting(job -> ((SyncObjectsRequest) job).objects().size())
        .containsExactly(83, 83, 84);
    assertThat(
            batches.stream().flatMap(job -> ((SyncObjectsRequest) job).objects().stream()).toList())
        .containsExactlyElementsOf(jobs.stream().map(SyncObjectsRequest.Item::of).toList());
  }

  @Test
  void eachProviderIsJudgedByItsOwnShareAndDeletesKeepTheirRemoteId() {
    List<SyncObjectRequest> jobs = new ArrayList<>(jobs("slack", 20));
    jobs.add(new SyncObjectRequest("slack", ObjectType.USER, "gone", "remote-7"));
    jobs.add(new SyncObjectRequest("zoom", ObjectType.GROUP, "g1", null));

    List<FleetJob> out = JobBatches.of(jobs, JobBatches.TRICKLE);

    assertThat(out).hasSize(2);
    SyncObjectsRequest slack = (SyncObjectsRequest) out.get(0);
    assertThat(slack.provider()).isEqualTo("slack");
    assertThat(slack.objects())
        .hasSize(21)
        .contains(new SyncObjectsRequest.Item(ObjectType.USER, "gone", "remote-7"));
    assertThat(out.get(1)).isEqualTo(new SyncObjectRequest("zoom", ObjectType.GROUP, "g1", null));
  }

  private static List<SyncObjectRequest> jobs(String provider, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new SyncObjectRequest(provider, ObjectType.USER, "u" + i, null))
        .toList();
  }
}
