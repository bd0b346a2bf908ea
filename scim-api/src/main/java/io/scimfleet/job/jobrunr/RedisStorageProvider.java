package io.scimfleet.job.jobrunr;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobVersioner;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.CarbonAwareAwaitingState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.SchedulableState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.JobRunrMetadata;
import org.jobrunr.storage.JobStats;
import org.jobrunr.storage.RecurringJobsResult;
import org.jobrunr.storage.ServerTimedOutException;
import org.jobrunr.storage.StorageException;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.listeners.StorageProviderChangeListener;
import org.jobrunr.storage.navigation.AmountRequest;
import org.jobrunr.storage.navigation.OffsetBasedPageRequest;
import org.jobrunr.storage.navigation.OrderTerm;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * JobRunr's storage on Redis through Jedis, written for the fleet (JobRunr 8 has no Redis storage).
 * Every job state transition (a save of one job or of a batch), every fetch and every clean-up is
 * one Lua script ({@link RedisJobScripts}), so one round trip. A job that becomes ENQUEUED is
 * announced on {@link #workChannel()}: job servers subscribed to it fetch at once, so the poll is
 * only a fallback, and it may be as short as {@link #SHORTEST_POLL}.
 */
public final class RedisStorageProvider implements StorageProvider {
  /** Redis answers a poll (a few cheap reads) in well under a millisecond. */
  static final Duration SHORTEST_POLL = Duration.ofMillis(500);

  private static final int FIELDS_PER_JOB = 10;
  private static final int DELETE_PAGE = 1_000;

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(RedisStorageProvider.class);
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON_TREES =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final JedisPool pool;
  private final String prefix;
  private final java.util.concurrent.atomic.AtomicLong refused =
      new java.util.concurrent.atomic.AtomicLong();
  private final StorageChangeNotifier changes = new StorageChangeNotifier(this);
  private final EnqueuedJobClaims claims;
  private volatile JobMapper mapper;

  /** Keys under {@code prefix} (e.g. {@code scim:jobs:}). */
  public RedisStorageProvider(JedisPool pool, String prefix) {
    this.pool = pool;
    this.prefix = prefix;
    this.claims = new EnqueuedJobClaims(this, prefix, EnqueuedJobClaims.LEASE);
  }

  /** How this storage hands each enqueued job to one server. */
  EnqueuedJobClaims claims() {
    return claims;
  }

  /** The pub/sub channel on which every job that becomes ENQUEUED is announced. */
  public String workChannel() {
    return prefix + "work";
  }

  @Override
  public StorageProviderInfo getStorageProviderInfo() {
    return new StorageProviderInfo(this) {};
  }

  @Override
  public void setJobMapper(JobMapper jobMapper) {
    this.mapper = jobMapper;
  }

  /** Nothing to create: Redis makes keys on first write. */
  @Override
  public void setUpStorageProvider(DatabaseOptions databaseOptions) {}

  @Override
  public void addJobStorageOnChangeListener(StorageProviderChangeListener listener) {
    changes.add(listener);
  }

  @Override
  public void removeJobStorageOnChangeListener(StorageProviderChangeListener listener) {
    changes.remove(listener);
  }

  // ---- servers

  @Override
  public void announceBackgroundJobServer(BackgroundJobServerStatus status) {
    try (Jedis jedis = pool.getResource()) {
      Pipeline pipeline = jedis.pipelined();
      pipeline.hset(serverKey(status.getId()), RedisServerFields.of(status));
      pipeline.zadd(
          prefix + "servers", (double) micros(status.getFirstHeartbeat()), id(status.getId()));
      pipeline.sync();
    }
  }

  @Override
  public boolean signalBackgroundJobServerAlive(BackgroundJobServerStatus status) {
    List<String> arguments = new ArrayList<>(List.of(prefix, id(status.getId())));
    RedisServerFields.heartbeat(status)
        .forEach(
            (field, value) -> {
              arguments.add(field);
              arguments.add(value);
            });
    long answer = (Long) run(RedisJobScripts.HEARTBEAT, arguments);
    if (answer < 0)
      throw new ServerTimedOutException(
          status, new StorageException("the server timed out and was removed"));
    return answer == 1;
  }

  @Override
  public void signalBackgroundJobServerStopped(BackgroundJobServerStatus status) {
    try (Jedis jedis = pool.getResource()) {
      Pipeline pipeline = jedis.pipelined();
      pipeline.del(serverKey(status.getId()));
      pipeline.zrem(prefix + "servers", id(status.getId()));
      pipeline.sync();
    }
  }

  @Override
  public List<BackgroundJobServerStatus> getBackgroundJobServers() {
    try (Jedis jedis = pool.getResource()) {
      List<String> ids = jedis.zrange(prefix + "servers", 0, -1);
      Pipeline pipeline = jedis.pipelined();
      List<Response<Map<String, String>>> servers =
          ids.stream().map(id -> pipeline.hgetAll(prefix + "server:" + id)).toList();
      pipeline.sync();
      return servers.stream()
          .map(Response::get)
          .filter(fields -> !fields.isEmpty())
          .map(RedisServerFields::toStatus)
          .sorted(Comparator.comparing(BackgroundJobServerStatus::getFirstHeartbeat))
          .toList();
    }
  }

  @Override
  public UUID getLongestRunningBackgroundJobServerId() {
    try (Jedis jedis = pool.getResource()) {
      List<String> first = jedis.zrange(prefix + "servers", 0, 0);
      if (first.isEmpty()) throw new IllegalStateException("no job server announced itself");
      return UUID.fromString(first.get(0));
    }
  }

  @Override
  public int removeTimedOutBackgroundJobServers(Instant heartbeatOlderThan) {
    return ((Long)
            run(
                RedisJobScripts.REMOVE_TIMED_OUT,
                List.of(prefix, String.valueOf(micros(heartbeatOlderThan)))))
        .intValue();
  }

  // ---- metadata

  @Override
  public void saveMetadata(JobRunrMetadata metadata) {
    try (Jedis jedis = pool.getResource()) {
      jedis.hset(
          metadataKey(metadata.getName()), metadata.getOwner(), RedisMetadata.encode(metadata));
    }
    changes.metadataChanged();
  }

  @Override
  public List<JobRunrMetadata> getMetadata(String name) {
    try (Jedis jedis = pool.getResource()) {
      return jedis.hgetAll(metadataKey(name)).entrySet().stream()
          .map(entry -> RedisMetadata.decode(name, entry.getKey(), entry.getValue()))
          .sorted(Comparator.comparing(JobRunrMetadata::getUpdatedAt))
          .toList();
    }
  }

  @Override
  public @Nullable JobRunrMetadata getMetadata(String name, String owner) {
    try (Jedis jedis = pool.getResource()) {
      String value = jedis.hget(metadataKey(name), owner);
      return value == null ? null : RedisMetadata.decode(name, owner, value);
    }
  }

  @Override
  public void deleteMetadata(String name) {
    try (Jedis jedis = pool.getResource()) {
      jedis.del(metadataKey(name));
    }
    changes.metadataChanged();
  }

  @Override
  public void deleteMetadata(String name, String owner) {
    try (Jedis jedis = pool.getResource()) {
      jedis.hdel(metadataKey(name), owner);
    }
    changes.metadataChanged();
  }

  // ---- jobs

  @Override
  public Job save(Job job) {
    List<Job> conflicts = saveAll(List.of(job));
    if (!conflicts.isEmpty()) throw new ConcurrentJobModificationException(job);
    return job;
  }

  @Override
  public List<Job> save(List<Job> jobs) {
    if (jobs.isEmpty()) return jobs;
    List<Job> conflicts = saveAll(jobs);
    if (!conflicts.isEmpty()) throw new ConcurrentJobModificationException(conflicts);
    return jobs;
  }

  /**
   * Saves every job whose version is current in one script; returns the others, their version
   * unchanged (JobRunr's {@link JobVersioner} raises it, and puts it back unless committed).
   */
  List<Job> saveAll(List<Job> jobs) {
    List<String> arguments = new ArrayList<>(2 + jobs.size() * FIELDS_PER_JOB);
    arguments.add(prefix);
    arguments.add(String.valueOf(jobs.size()));
    List<JobVersioner> versioners = new ArrayList<>(jobs.size());
    try {
      for (Job job : jobs) {
        int expected = job.getVersion();
        versioners.add(new JobVersioner(job));
        addArguments(arguments, job, expected);
      }
      Set<Integer> conflicting = new HashSet<>();
      for (Object position : (List<?>) run(RedisJobScripts.SAVE, arguments))
        conflicting.add(((Long) position).intValue() - 1);
      List<Job> conflicts = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        if (conflicting.contains(i)) conflicts.add(jobs.get(i));
        else versioners.get(i).commitVersion();
      }
      if (conflicts.size() < jobs.size()) changes.jobsChanged();
      return conflicts;
    } catch (RuntimeException e) {
      if (e instanceof StorageException) throw e;
      throw new StorageException(e);
    } finally {
      versioners.forEach(JobVersioner::close);
    }
  }

  private void addArguments(List<String> arguments, Job job, int expected) {
    arguments.add(id(job.getId()));
    arguments.add(String.valueOf(expected));
    arguments.add(String.valueOf(job.getVersion()));
    arguments.add(mapper.serializeJob(job));
    arguments.add(job.getState().name());
    arguments.add(String.valueOf(micros(job.getUpdatedAt())));
    arguments.add(
        job.getJobState() instanceof ScheduledState scheduled
            ? String.valueOf(micros(scheduled.getScheduledAt()))
            : "");
    arguments.add(job.getRecurringJobId().orElse(""));
    arguments.add(job.getJobSignature());
    SchedulableState schedulable = lastSchedulableState(job);
    arguments.add(schedulable == null ? "" : String.valueOf(micros(schedulable.getScheduledAt())));
  }

  /** {@link Job#getLastJobStateOfType} without its stream (this runs at every save). */
  private static @Nullable SchedulableState lastSchedulableState(Job job) {
    List<JobState> states = job.getJobStates();
    for (int i = states.size() - 1; i >= 0; i--)
      if (states.get(i) instanceof SchedulableState schedulable) return schedulable;
    return null;
  }

  @Override
  public Job getJobById(UUID id) {
    try (Jedis jedis = pool.getResource()) {
      String json = jedis.hget(prefix + "job:" + id(id), "j");
      if (json == null) throw new JobNotFoundException(id);
      try {
        return mapper.deserializeJob(json);
      } catch (RefusedJobData e) {
        refuse(id(id), e);
        throw new JobNotFoundException(id);
      }
    }
  }

  @Override
  public long countJobs(StateName state) {
    try (Jedis jedis = pool.getResource()) {
      return jedis.zcard(stateKey(state));
    }
  }

  @Override
  public List<Job> getJobList(StateName state, Instant updatedBefore, AmountRequest request) {
    return list(state, "(" + micros(updatedBefore), request);
  }

  @Override
  public List<Job> getJobList(StateName state, AmountRequest request) {
    return list(state, "+inf", request);
  }

  /**
   * JobRunr's fetch, each enqueued job to one server ({@link EnqueuedJobClaims}), oldest first (the
   * request's order is the queue's). A fetch whose worker has a {@link
   * io.scimfleet.job.FetchPolicy} ({@link PolicyFetch}) gets the jobs that policy takes; those it
   * took and another server got are told back to it.
   */
  @Override
  public List<Job> getJobsToProcess(BackgroundJobServer server, AmountRequest request) {
    if (!(request instanceof PolicyFetch fetch)) return claims.fetch(server, request.getLimit());
    List<Job> got = List.of();
    try {
      got = claims.startProcessing(server, chosen(server, fetch));
      return got;
    } finally {
      fetch.settle(got);
    }
  }

  /**
   * The jobs a policy's fetch starts. While the policy takes all, the oldest jobs no other server
   * holds are claimed, and any it leaves given back at once; otherwise the enqueued jobs are read
   * oldest first past those it leaves ({@link PolicyFetch#choose}), unclaimed: the version check of
   * the save still gives each to one server.
   */
  private List<Job> chosen(BackgroundJobServer server, PolicyFetch fetch) {
    Instant now = Instant.now();
    if (!fetch.takesAll()) return fetch.choose(this::enqueued, now);
    List<Job> left = new ArrayList<>();
    List<Job> taken = fetch.takeFrom(claims.claim(server, fetch.getLimit()), now, left);
    claims.release(server, left);
    return taken;
  }

  private List<Job> enqueued(int offset, int count) {
    return jobs(
        run(
            RedisJobScripts.LIST,
            List.of(
                prefix,
                StateName.ENQUEUED.name(),
                "-inf",
                "+inf",
                String.valueOf(offset),
                String.valueOf(count),
                "0")));
  }

  /**
   * Ordered on updatedAt by the index; any other order (the dashboard's) sorts the state's jobs
   * here.
   */
  private List<Job> list(StateName state, String max, AmountRequest request) {
    List<OrderTerm> order = order(request);
    long offset = offset(request);
    if (order.size() == 1
        && order.get(0).getFieldName().equals(StorageProviderUtils.Jobs.FIELD_UPDATED_AT)) {
      boolean newestFirst = order.get(0).getOrder() == OrderTerm.Order.DESC;
      return jobs(
          run(
              RedisJobScripts.LIST,
              List.of(
                  prefix,
                  state.name(),
                  "-inf",
                  max,
                  String.valueOf(offset),
                  String.valueOf(request.getLimit()),
                  newestFirst ? "1" : "0")));
    }
    List<Job> all =
        jobs(run(RedisJobScripts.LIST, List.of(prefix, state.name(), "-inf", max, "0", "-1", "0")));
    return page(all, request);
  }

  @Override
  public List<Job> getCarbonAwareJobList(Instant deadlineBefore, AmountRequest request) {
    List<Job> awaiting =
        list(StateName.AWAITING, "+inf", new AmountRequest("updatedAt:ASC", Integer.MAX_VALUE))
            .stream()
            .filter(
                job ->
                    job.getJobState() instanceof CarbonAwareAwaitingState state
                        && state.getTo().isBefore(deadlineBefore))
            .toList();
    return page(awaiting, request);
  }

  /**
   * The due jobs soonest first (a page of them), then in the requested order: a long backlog is
   * taken a page at a time.
   */
  @Override
  public List<Job> getScheduledJobs(Instant scheduledBefore, AmountRequest request) {
    List<Job> due =
        jobs(
            run(
                RedisJobScripts.DUE,
                List.of(
                    prefix,
                    "(" + micros(scheduledBefore),
                    String.valueOf(offset(request)),
                    String.valueOf(request.getLimit()))));
    return sorted(due, request);
  }

  @Override
  public int deletePermanently(UUID id) {
    int deleted = ((Long) run(RedisJobScripts.DELETE, List.of(prefix, id(id)))).intValue();
    if (deleted > 0) changes.jobsChanged();
    return deleted;
  }

  @Override
  public int deleteJobsPermanently(StateName state, Instant updatedBefore) {
    int total = 0;
    for (int deleted = DELETE_PAGE; deleted == DELETE_PAGE; total += deleted) {
      deleted =
          ((Long)
                  run(
                      RedisJobScripts.DELETE_IN_STATE,
                      List.of(
                          prefix,
                          state.name(),
                          "(" + micros(updatedBefore),
                          String.valueOf(DELETE_PAGE))))
              .intValue();
    }
    if (total > 0) changes.jobsChanged();
    return total;
  }

  @Override
  public Set<String> getDistinctJobSignatures(StateName... states) {
    List<String> arguments = new ArrayList<>(List.of(prefix));
    Arrays.stream(states).map(StateName::name).forEach(arguments::add);
    Set<String> signatures = new HashSet<>();
    for (Object signature : (List<?>) run(RedisJobScripts.SIGNATURES, arguments))
      signatures.add((String) signature);
    return signatures;
  }

  @Override
  public @Nullable Instant getRecurringJobLatestScheduledInstant(
      String recurringJobId, StateName... states) {
    Set<String> wanted =
        states.length == 0
            ? null
            : new HashSet<>(Arrays.stream(states).map(StateName::name).toList());
    List<?> runs = (List<?>) run(RedisJobScripts.RUNS, List.of(prefix, recurringJobId));
    Long latest = null;
    for (int i = 0; i + 1 < runs.size(); i += 2) {
      String state = (String) runs.get(i);
      String scheduled = (String) runs.get(i + 1);
      if (scheduled.isEmpty() || (wanted != null && !wanted.contains(state))) continue;
      long at = Long.parseLong(scheduled);
      if (latest == null || at > latest) latest = at;
    }
    return latest == null ? null : instant(latest);
  }

  // ---- recurring jobs

  @Override
  public RecurringJob saveRecurringJob(RecurringJob recurringJob) {
    try (Jedis jedis = pool.getResource()) {
      Pipeline pipeline = jedis.pipelined();
      pipeline.hset(
          prefix + "recurring", recurringJob.getId(), mapper.serializeRecurringJob(recurringJob));
      pipeline.hset(
          prefix + "recurring:created",
          recurringJob.getId(),
          String.valueOf(recurringJob.getCreatedAt().toEpochMilli()));
      pipeline.sync();
    }
    return recurringJob;
  }

  @Override
  public RecurringJobsResult getRecurringJobs() {
    try (Jedis jedis = pool.getResource()) {
      return new RecurringJobsResult(
          jedis.hvals(prefix + "recurring").stream().map(mapper::deserializeRecurringJob).toList());
    }
  }

  @Override
  public boolean recurringJobsUpdated(Long recurringJobsUpdatedHash) {
    String current = (String) run(RedisJobScripts.RECURRING_HASH, List.of(prefix));
    return Long.parseLong(current) != recurringJobsUpdatedHash;
  }

  @Override
  public int deleteRecurringJob(String id) {
    try (Jedis jedis = pool.getResource()) {
      Pipeline pipeline = jedis.pipelined();
      Response<Long> deleted = pipeline.hdel(prefix + "recurring", id);
      pipeline.hdel(prefix + "recurring:created", id);
      pipeline.sync();
      return deleted.get().intValue();
    }
  }

  // ---- stats

  @Override
  public JobStats getJobStats() {
    Instant now = Instant.now();
    try (Jedis jedis = pool.getResource()) {
      Pipeline pipeline = jedis.pipelined();
      Map<StateName, Response<Long>> counts = new java.util.EnumMap<>(StateName.class);
      for (StateName state : StateName.values()) counts.put(state, pipeline.zcard(stateKey(state)));
      Response<Long> recurring = pipeline.hlen(prefix + "recurring");
      Response<Long> servers = pipeline.zcard(prefix + "servers");
      Response<String> allTime =
          pipeline.hget(
              metadataKey(StorageProviderUtils.Metadata.STATS_NAME),
              StorageProviderUtils.Metadata.STATS_OWNER);
      pipeline.sync();
      long total = counts.values().stream().mapToLong(Response::get).sum();
      JobRunrMetadata succeeded =
          allTime.get() == null
              ? null
              : RedisMetadata.decode(
                  StorageProviderUtils.Metadata.STATS_NAME,
                  StorageProviderUtils.Metadata.STATS_OWNER,
                  allTime.get());
      return new JobStats(
          now,
          total,
          Objects.requireNonNull(counts.get(StateName.AWAITING)).get(),
          Objects.requireNonNull(counts.get(StateName.SCHEDULED)).get(),
          Objects.requireNonNull(counts.get(StateName.ENQUEUED)).get(),
          Objects.requireNonNull(counts.get(StateName.PROCESSING)).get(),
          Objects.requireNonNull(counts.get(StateName.FAILED)).get(),
          Objects.requireNonNull(counts.get(StateName.SUCCEEDED)).get(),
          succeeded == null ? 0L : succeeded.getValueAsLong(),
          Objects.requireNonNull(counts.get(StateName.DELETED)).get(),
          recurring.get().intValue(),
          servers.get().intValue());
    }
  }

  /** Adds to the all-time succeeded counter (a read and a write; only the master does it). */
  @Override
  public void publishTotalAmountOfSucceededJobs(int amount) {
    JobRunrMetadata current =
        getMetadata(
            StorageProviderUtils.Metadata.STATS_NAME, StorageProviderUtils.Metadata.STATS_OWNER);
    long before = current == null ? 0L : current.getValueAsLong();
    try (Jedis jedis = pool.getResource()) {
      jedis.hset(
          metadataKey(StorageProviderUtils.Metadata.STATS_NAME),
          StorageProviderUtils.Metadata.STATS_OWNER,
          RedisMetadata.encode(
              new JobRunrMetadata(
                  StorageProviderUtils.Metadata.STATS_NAME,
                  StorageProviderUtils.Metadata.STATS_OWNER,
                  String.valueOf(before + amount))));
    }
  }

  @Override
  public void close() {
    changes.close();
  }

  /** Redis answers JobRunr's poll in well under a millisecond: {@link #SHORTEST_POLL} is fine. */
  @Override
  public void validatePollInterval(Duration pollInterval) {
    if (pollInterval.compareTo(SHORTEST_POLL) < 0)
      throw new IllegalArgumentException(
          "the smallest poll interval on Redis is " + SHORTEST_POLL.toMillis() + " ms");
  }

  @Override
  public void validateRecurringJobInterval(Duration betweenRuns) {
    if (betweenRuns.compareTo(Duration.ofSeconds(1)) < 0)
      throw new IllegalArgumentException("recurring jobs run at most once a second");
  }

  // ---- helpers

  Object run(RedisJobScripts script, List<String> arguments) {
    try (Jedis jedis = pool.getResource()) {
      return script.run(jedis, arguments);
    }
  }

  /** The jobs of the JSON list; a job whose data is refused is set aside and left out. */
  List<Job> jobs(Object jsonList) {
    List<Job> jobs = new ArrayList<>();
    for (Object json : (List<?>) jsonList) {
      try {
        jobs.add(mapper.deserializeJob((String) json));
      } catch (RefusedJobData e) {
        refuse(idIn((String) json), e);
      }
    }
    return jobs;
  }

  /** Jobs whose data was refused (and set aside) since this storage started. */
  public long refusedJobs() {
    return refused.get();
  }

  private void refuse(String id, RefusedJobData why) {
    refused.incrementAndGet();
    log.error(
        "job {} set aside under {}refused:{}: {} (nothing of it was loaded)",
        id,
        prefix,
        id,
        why.getMessage());
    if (!id.isEmpty()) run(RedisJobScripts.REFUSE, List.of(prefix, id));
  }

  private static String idIn(String json) {
    try {
      return JSON_TREES.readTree(json).path("id").asText("");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return "";
    }
  }

  private static List<Job> page(List<Job> all, AmountRequest request) {
    return sorted(all, request).stream().skip(offset(request)).limit(request.getLimit()).toList();
  }

  private static List<Job> sorted(List<Job> jobs, AmountRequest request) {
    Optional<Comparator<Job>> comparator =
        order(request).stream()
            .map(Job.ALLOWED_SORT_COLUMNS::toComparator)
            .reduce(Comparator::thenComparing);
    return comparator.map(order -> jobs.stream().sorted(order).toList()).orElse(jobs);
  }

  private static List<OrderTerm> order(AmountRequest request) {
    return request.getAllOrderTerms(Job.ALLOWED_SORT_COLUMNS.keySet());
  }

  private static long offset(AmountRequest request) {
    return request instanceof OffsetBasedPageRequest page ? page.getOffset() : 0;
  }

  private String stateKey(StateName state) {
    return prefix + "state:" + state.name();
  }

  private String serverKey(UUID id) {
    return prefix + "server:" + id(id);
  }

  private String metadataKey(String name) {
    return prefix + "metadata:" + name;
  }

  private static String id(UUID id) {
    return id.toString();
  }

  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
