package io.scimfleet.job.jobrunr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.JobFilterUtils;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.ConcurrentJobModificationException;

/**
 * JobRunr's fetch of enqueued jobs ({@code StorageProvider.getJobsToProcess}) with each job handed
 * to one server: a script claims up to a page of enqueued jobs that no other server holds, for a
 * lease ({@link #LEASE}), and returns only their JSON; only those are read and saved as PROCESSING
 * (with the version check, as JobRunr does). Two servers woken by the same work signal then never
 * read the same job, nor lose a save of it. A server that dies between claim and save loses
 * nothing: the job stays ENQUEUED and is claimable again when the lease runs out. Any save of a job
 * ends a claim on it.
 *
 * <p>A policy that takes only some of the claimed jobs goes between {@link #claim} and {@link
 * #startProcessing}, and gives the others back at once with {@link #release}.
 */
final class EnqueuedJobClaims {
  /** A claim lives from the fetch to the save, milliseconds; this outlasts a long GC pause. */
  static final Duration LEASE = Duration.ofSeconds(5);

  private final RedisStorageProvider storage;
  private final String prefix;
  private final Duration lease;
  private final Map<BackgroundJobServer, String> claimants =
      Collections.synchronizedMap(new WeakHashMap<>());

  EnqueuedJobClaims(RedisStorageProvider storage, String prefix, Duration lease) {
    this.storage = storage;
    this.prefix = prefix;
    this.lease = lease;
  }

  /** Claims up to {@code limit} enqueued jobs for the server and starts them. */
  List<Job> fetch(BackgroundJobServer server, int limit) {
    return startProcessing(server, claim(server, limit));
  }

  /** Up to {@code limit} enqueued jobs, oldest first, now claimed by this server. */
  List<Job> claim(BackgroundJobServer server, int limit) {
    if (limit <= 0) return new ArrayList<>();
    return storage.jobs(
        storage.run(
            RedisJobScripts.CLAIM,
            List.of(
                prefix,
                claimant(server),
                String.valueOf(limit),
                String.valueOf(lease.toMillis()))));
  }

  /** Gives back claimed jobs this server does not take: other servers may claim them at once. */
  void release(BackgroundJobServer server, Collection<Job> jobs) {
    if (jobs.isEmpty()) return;
    List<String> arguments = new ArrayList<>(2 + jobs.size());
    arguments.add(prefix);
    arguments.add(claimant(server));
    jobs.forEach(job -> arguments.add(job.getId().toString()));
    storage.run(RedisJobScripts.RELEASE, arguments);
  }

  /**
   * Moves claimed jobs to PROCESSING on the server, through JobRunr's state filters, and saves
   * them; returns those saved as PROCESSING. A job changed by someone else since the claim (a
   * delete from the dashboard) fails the version check and is left out, without an exception; a job
   * a filter refuses with JobRunr's {@link ConcurrentJobModificationException} is left out and
   * given back, as JobRunr's own fetch does.
   */
  List<Job> startProcessing(BackgroundJobServer server, List<Job> claimed) {
    if (claimed.isEmpty()) return claimed;
    JobFilterUtils filters = new JobFilterUtils(server.getJobFilters());
    List<Job> saved;
    try {
      claimed.forEach(job -> job.startProcessingOn(server));
      filters.runOnStateElectionFilter(claimed);
      saved = withoutThese(claimed, storage.saveAll(claimed));
    } catch (ConcurrentJobModificationException e) {
      release(server, e.getConcurrentUpdatedJobs());
      Set<UUID> refused = new HashSet<>();
      e.getConcurrentUpdatedJobs().forEach(job -> refused.add(job.getId()));
      saved = claimed.stream().filter(job -> !refused.contains(job.getId())).toList();
    }
    filters.runOnStateAppliedFilters(saved);
    return saved.stream().filter(job -> job.hasState(StateName.PROCESSING)).toList();
  }

  private static List<Job> withoutThese(List<Job> jobs, List<Job> these) {
    if (these.isEmpty()) return jobs;
    Set<Job> left = Collections.newSetFromMap(new IdentityHashMap<>());
    left.addAll(these);
    return jobs.stream().filter(job -> !left.contains(job)).toList();
  }

  /**
   * Who holds a claim: a token per server object, not its id (JobRunr's id may be shared by servers
   * in one JVM, and asking a server for it is part of JobRunr's own start of each job).
   */
  private String claimant(BackgroundJobServer server) {
    return claimants.computeIfAbsent(server, any -> UUID.randomUUID().toString());
  }
}
