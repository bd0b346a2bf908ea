package io.scimfleet.job.jobrunr;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The running jobs of one {@link JobRunrFleet} that asked to run again this long after they return
 * ({@link JobRunrJobQueue#handBack}); {@link FleetRetryFilter} takes each entry when its job ends,
 * so an entry never outlives the run that made it. Not the job's metadata: JobRunr clears that when
 * a job succeeds, before the state election. One per fleet, shared by its queues and its server.
 */
final class RunAgain {
  private final Map<UUID, Duration> after = new ConcurrentHashMap<>();

  /** The running job {@code jobId} is to be scheduled {@code wait} from when it returns. */
  void ask(UUID jobId, Duration wait) {
    after.put(jobId, wait);
  }

  /** The wait the job asked for, removed; null when it did not ask. */
  @Nullable Duration take(UUID jobId) {
    return after.remove(jobId);
  }
}
