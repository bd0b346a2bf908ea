package io.scimfleet.job.jobrunr;

import io.scimfleet.job.FetchPolicy;
import io.scimfleet.job.FleetJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.storage.StorageProviderUtils;
import org.jobrunr.storage.navigation.AmountRequest;
import org.jspecify.annotations.Nullable;

/**
 * One fetch of enqueued jobs by a job server whose worker has a {@link FetchPolicy}: JobRunr's
 * request (how many, oldest first) with the policy beside it. {@link RedisStorageProvider} reads
 * the enqueued jobs oldest first past those the policy leaves, up to {@link #SCAN_AT_MOST}; jobs
 * the policy took and the save then gave to another server are told back to it ({@link #settle}).
 */
final class PolicyFetch extends AmountRequest {
  /**
   * A job enqueued longer than this is taken by whichever server fetches it: a worker with room
   * fetches within tens of milliseconds of a work signal, so a job this old was left by all.
   */
  static final Duration OVERDUE = Duration.ofSeconds(2);

  /** Enqueued jobs looked at per fetch; jobs further back wait until they are overdue. */
  static final int SCAN_AT_MOST = 64;

  private static final int LATER_READS = 16;

  private final FetchPolicy policy;
  private final List<FleetJob> taken = new ArrayList<>();
  private final List<UUID> takenIds = new ArrayList<>();

  PolicyFetch(int limit, FetchPolicy policy) {
    super(StorageProviderUtils.Jobs.FIELD_UPDATED_AT + ":ASC", limit);
    this.policy = policy;
  }

  /**
   * The jobs to take, oldest first: read from {@code enqueued} (offset, count: the enqueued jobs
   * oldest first) a page at a time, each fleet job asked of the policy, until {@link #getLimit()}
   * are chosen or {@link #SCAN_AT_MOST} were looked at.
   */
  List<Job> choose(BiFunction<Integer, Integer, List<Job>> enqueued, Instant now) {
    List<Job> chosen = new ArrayList<>();
    int looked = 0;
    while (chosen.size() < limit && looked < SCAN_AT_MOST) {
      int count =
          Math.min(SCAN_AT_MOST - looked, looked == 0 ? limit : Math.max(limit, LATER_READS));
      List<Job> read = enqueued.apply(looked, count);
      for (Job job : read) {
        if (chosen.size() < limit && takes(job, now)) chosen.add(job);
      }
      looked += read.size();
      if (read.size() < count) break;
    }
    return chosen;
  }

  /** Whether the policy takes whatever is fetched now ({@link FetchPolicy#takesAll()}). */
  boolean takesAll() {
    return policy.takesAll();
  }

  /**
   * The jobs of {@code claimed} the policy takes, in their order; the others are added to {@code
   * left} (to give back).
   */
  List<Job> takeFrom(List<Job> claimed, Instant now, List<Job> left) {
    List<Job> taken = new ArrayList<>();
    for (Job job : claimed) {
      if (takes(job, now)) taken.add(job);
      else left.add(job);
    }
    return taken;
  }

  private boolean takes(Job job, Instant now) {
    FleetJob fleetJob = fleetJobOf(job);
    if (fleetJob == null) return true;
    boolean overdue = job.getUpdatedAt().isBefore(now.minus(OVERDUE));
    if (!policy.take(fleetJob, overdue)) return false;
    taken.add(fleetJob);
    takenIds.add(job.getId());
    return true;
  }

  /** Tells the policy of each job it took that is not among {@code got} (saved by this server). */
  void settle(List<Job> got) {
    Set<UUID> ours = got.stream().map(Job::getId).collect(Collectors.toSet());
    for (int i = 0; i < taken.size(); i++) {
      if (!ours.contains(takenIds.get(i))) policy.lost(taken.get(i));
    }
    taken.clear();
    takenIds.clear();
  }

  private static @Nullable FleetJob fleetJobOf(Job job) {
    List<JobParameter> parameters = job.getJobDetails().getJobParameters();
    if (parameters.size() != 1) return null;
    return parameters.get(0).getObject() instanceof FleetJobRequest request ? request.job() : null;
  }
}
