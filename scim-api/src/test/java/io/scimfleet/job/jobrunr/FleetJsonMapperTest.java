package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import java.util.ArrayList;
import java.util.List;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.jobs.states.SucceededState;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.junit.jupiter.api.Test;

/** A fleet job's JSON, written and read with the reader and writer the mapper keeps. */
class FleetJsonMapperTest {
  private final FleetJsonMapper json = new FleetJsonMapper();

  @Test
  void aSucceededJobReadsBackWithItsWholeHistory() {
    Job job = aSucceededJob();

    String written = json.serialize(job);
    Job read = json.deserialize(written, Job.class);

    assertThat(read.getId()).isEqualTo(job.getId());
    assertThat(read.getJobStates())
        .extracting(state -> state.getName())
        .containsExactly(StateName.ENQUEUED, StateName.PROCESSING, StateName.SUCCEEDED);
    assertThat(read.getJobStates())
        .extracting(state -> state.getCreatedAt())
        .isEqualTo(job.getJobStates().stream().map(state -> state.getCreatedAt()).toList());
    assertThat(read.<SucceededState>getJobState().getProcessDuration())
        .isEqualTo(job.<SucceededState>getJobState().getProcessDuration());
    assertThat(json.serialize(read)).isEqualTo(written);
    assertThat(written)
        .contains("\"createdAt\":\"" + job.getJobStates().get(0).getCreatedAt() + "\"");
  }

  @Test
  void aRepeatedJobDetailsIsCheckedToo() {
    String written = json.serialize(aSucceededJob());
    String planted =
        written.replaceFirst(
            "\\{", "{\"jobDetails\":{\"className\":\"io.scimfleet.job.jobrunr.PlantedGadget\"},");

    assertThatThrownBy(() -> json.deserialize(planted, Job.class))
        .isInstanceOf(RefusedJobData.class)
        .hasMessageContaining("its handler is io.scimfleet.job.jobrunr.PlantedGadget");
    assertThatThrownBy(() -> json.deserialize("{\"id\":1}", Job.class))
        .isInstanceOf(RefusedJobData.class)
        .hasMessageContaining("no job details");
    assertThatThrownBy(() -> json.deserialize("{\"jobDetails\": [", Job.class))
        .isInstanceOf(RefusedJobData.class)
        .hasMessageContaining("not JSON");
  }

  private Job aSucceededJob() {
    var request = new SyncObjectRequest("slack", ObjectType.USER, "u1", null);
    Job job =
        new Job(
            new JobDetails(
                FleetJobRunner.class.getName(),
                null,
                "run",
                new ArrayList<>(
                    List.of(
                        new JobParameter(FleetJobRequest.class, new FleetJobRequest(request))))),
            new EnqueuedState());
    job.startProcessingOn(
        new BackgroundJobServer(
            new InMemoryStorageProvider(),
            json,
            null,
            BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()));
    assertThat(job.<ProcessingState>getJobState().getServerName()).isNotNull();
    job.succeeded();
    return job;
  }
}
