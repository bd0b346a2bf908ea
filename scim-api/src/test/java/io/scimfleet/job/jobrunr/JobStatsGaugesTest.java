package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jobrunr.storage.AbstractStorageProvider;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.storage.JobStats;
import org.jobrunr.storage.listeners.JobStatsChangeListener;
import org.junit.jupiter.api.Test;

/**
 * JobRunr's job gauges are read every few seconds by a timer of ours, not by a listener of every
 * job save (JobRunr's own binder).
 */
class JobStatsGaugesTest {
  private final AtomicInteger statsRead = new AtomicInteger();
  private final InMemoryStorageProvider storage =
      new InMemoryStorageProvider() {
        @Override
        public JobStats getJobStats() {
          statsRead.incrementAndGet();
          return super.getJobStats();
        }
      };

  /**
   * A job-stats listener makes every job save start a thread (JobRunr's {@code runAsync} on a
   * 2-core machine) that may read the stats: none may be left registered.
   */
  @Test
  void noJobStatsListenerIsRegisteredSoSavesStartNoThread() throws Exception {
    try (JobRunrFleet fleet = new JobRunrFleet(storage, () -> true)) {
      fleet.bindMetrics(new SimpleMeterRegistry());
      IntStream.range(0, 50).forEach(i -> fleet.queue().enqueue(job(i)));

      assertThat(changeListeners()).noneMatch(JobStatsChangeListener.class::isInstance);
      assertThat(statsRead.get()).as("read by the gauges only").isLessThanOrEqualTo(2);
    }
  }

  private Set<?> changeListeners() throws ReflectiveOperationException {
    Field listeners = AbstractStorageProvider.class.getDeclaredField("onChangeListeners");
    listeners.setAccessible(true);
    return (Set<?>) listeners.get(storage);
  }

  @Test
  void theGaugesKeepJobRunrsNamesAndShowTheStorage() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (JobRunrFleet fleet = new JobRunrFleet(storage, () -> true);
        JobStatsGauges gauges = new JobStatsGauges(storage, registry)) {
      IntStream.range(0, 7).forEach(i -> fleet.queue().enqueue(job(i)));

      gauges.refresh();

      assertThat(registry.get("jobrunr.jobs.enqueued").tag("state", "ENQUEUED").gauge().value())
          .isEqualTo(7);
      assertThat(registry.get("jobrunr.jobs.failed").tag("state", "FAILED").gauge().value())
          .isZero();
      assertThat(registry.find("jobrunr.jobs.background_job_servers").gauge()).isNotNull();
    }
  }

  private static SyncObjectRequest job(int i) {
    return new SyncObjectRequest("crm", ObjectType.USER, "u" + i, null);
  }
}
