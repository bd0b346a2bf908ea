package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job handed back twice from the same run (a re-run after a crash does that) leaves one copy. */
class HandBackIdTest {
  private final JobRunrFleet fleet = JobRunrFleet.inMemory();
  private final AtomicInteger runs = new AtomicInteger();

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void handingBackTwiceFromOneJobMakesOneCopy() {
    SyncObjectRequest request = new SyncObjectRequest("slow", ObjectType.USER, "u1", null);
    SyncObjectHandler handler =
        job -> {
          if (runs.incrementAndGet() > 1) return;
          fleet.queue().handBack(job, Duration.ofMinutes(5));
          fleet.queue().handBack(job, Duration.ofMinutes(5));
        };
    fleet.startServer(
        Map.of(SyncObjectHandler.class, handler),
        new JobServerSettings(2, Duration.ofSeconds(5), Duration.ofSeconds(5), "test"));

    fleet.queue().enqueue(request);

    await().atMost(Duration.ofSeconds(30)).until(() -> !jobs(StateName.SUCCEEDED).isEmpty());
    assertThat(jobs(StateName.SCHEDULED))
        .extracting(Job::getJobName)
        .containsExactly(request.jobName());
    assertThat(jobs(StateName.SCHEDULED).get(0).getId())
        .isEqualTo(JobRunrJobQueue.handBackId(jobs(StateName.SUCCEEDED).get(0).getId()));
  }

  private List<Job> jobs(StateName state) {
    return fleet.storage().getJobList(state, Paging.AmountBasedList.ascOnUpdatedAt(100));
  }
}
