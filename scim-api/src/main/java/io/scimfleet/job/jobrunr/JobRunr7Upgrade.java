package io.scimfleet.job.jobrunr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Takes over the jobs JobRunr 7.5.3's Redis storage left under {@code <prefix>jobrunr:}, once, when
 * the first process of an upgraded fleet starts:
 *
 * <ul>
 *   <li>enqueued jobs, and jobs that were processing (their 7.5.3 server is gone), are enqueued
 *       again under the same id;
 *   <li>scheduled jobs (hand-backs, retries, held pages) keep their id and time;
 *   <li>a job whose data the fleet cannot read or refuses ({@link FleetJsonMapper}) is dropped with
 *       a warning: the next full sync repairs what it would have done;
 *   <li>recurring jobs, servers, metadata and finished jobs (succeeded, failed, deleted) are
 *       dropped: the scheduler creates every provider's recurring full sync again at its start.
 * </ul>
 *
 * Then every key under {@code <prefix>jobrunr:} is removed. The fleet's own keys (sync states,
 * directory, pending jobs) are not touched. A second process that starts meanwhile waits for
 * nothing: the lock {@code <prefix>jobs:upgraded-from-7} makes one of them do it.
 */
final class JobRunr7Upgrade {
  static final String OLD_KEYS = "jobrunr:";

  /** A process that died while upgrading leaves the rest to the next start after this. */
  static final long LOCK_SECONDS = 600;

  private static final String[] TAKEN_OVER = {"ENQUEUED", "PROCESSING", "SCHEDULED"};
  private static final String[] MARKERS = {
    "queue:jobs:ENQUEUED",
    "queue:jobs:PROCESSING",
    "queue:jobs:SCHEDULED",
    "queue:jobs:SUCCEEDED",
    "queue:jobs:FAILED",
    "queue:jobs:DELETED",
    "recurringjobs"
  };
  private static final Logger log = LoggerFactory.getLogger(JobRunr7Upgrade.class);

  private final JedisPool pool;
  private final String old;
  private final String lock;
  private final StorageProvider storage;
  private final JobMapper mapper;

  JobRunr7Upgrade(JedisPool pool, String prefix, StorageProvider storage, JobMapper mapper) {
    this.pool = pool;
    this.old = prefix + OLD_KEYS;
    this.lock = prefix + JobRunrFleet.JOBS_KEYS + "upgraded-from-7";
    this.storage = storage;
    this.mapper = mapper;
  }

  /** Returns how many jobs it took over; 0 when there was nothing (or another process does it). */
  int run() {
    try (Jedis jedis = pool.getResource()) {
      if (!hasOldKeys(jedis)) return 0;
      if (jedis.set(lock, Instant.now().toString(), SetParams.setParams().nx().ex(LOCK_SECONDS))
          == null) return 0;
      int taken = 0;
      int dropped = 0;
      for (String state : TAKEN_OVER) {
        for (String id : jedis.zrange(old + "queue:jobs:" + state, 0, -1)) {
          if (takeOver(jedis, id)) taken++;
          else dropped++;
        }
      }
      long removed = removeOldKeys(jedis);
      log.info(
          "upgrade from JobRunr 7.5.3: {} jobs taken over, {} dropped (a full sync repairs them),"
              + " {} old keys removed; recurring full syncs are created again by the scheduler",
          taken,
          dropped,
          removed);
      return taken;
    }
  }

  private boolean hasOldKeys(Jedis jedis) {
    for (String marker : MARKERS) if (jedis.exists(old + marker)) return true;
    return false;
  }

  private boolean takeOver(Jedis jedis, String id) {
    String json = jedis.get(old + "job:" + id);
    if (json == null) return false;
    try {
      Job old7 = mapper.deserializeJob(json);
      Job fresh =
          new Job(
              old7.getId(),
              old7.getJobDetails(),
              old7.getJobState() instanceof ScheduledState scheduled
                  ? new ScheduledState(scheduled.getScheduledAt(), "taken over from JobRunr 7")
                  : new EnqueuedState());
      fresh.setJobName(old7.getJobName());
      fresh.setAmountOfRetries(old7.getAmountOfRetries());
      fresh.setLabels(new ArrayList<>(old7.getLabels()));
      storage.save(fresh);
      return true;
    } catch (ConcurrentJobModificationException alreadyThere) {
      return true;
    } catch (RuntimeException unreadable) {
      log.warn("JobRunr 7 job {} dropped: {}", id, unreadable.toString());
      return false;
    }
  }

  private long removeOldKeys(Jedis jedis) {
    long removed = 0;
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams params = new ScanParams().match(old + "*").count(1000);
    do {
      ScanResult<String> page = jedis.scan(cursor, params);
      List<String> keys = page.getResult();
      if (!keys.isEmpty()) removed += jedis.unlink(keys.toArray(String[]::new));
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return removed;
  }
}
