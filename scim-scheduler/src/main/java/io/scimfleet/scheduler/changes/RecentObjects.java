package io.scimfleet.scheduler.changes;

import io.scimfleet.job.SyncObjectRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When this consumer last let each (provider, object) start a job, so that an object changed again
 * and again (a burst of updates to one user) gets at most one job per {@link #COOL_DOWN}: a job
 * whose object had one start less than that ago starts at the end of the cool-down, and its pending
 * mark makes every change until then part of it. Distinct objects are not slowed down. In memory
 * per consumer: with several schedulers an object's changes may meet another's map, which costs at
 * worst a request more.
 */
final class RecentObjects {
  static final Duration COOL_DOWN = Duration.ofSeconds(2);
  private static final int PRUNE_ABOVE = 50_000;

  private final Map<String, Long> startsAt = new HashMap<>();

  /** Jobs split into those that start now and those that wait for the cool-down; both recorded. */
  record Split(List<SyncObjectRequest> now, List<SyncObjectRequest> later) {}

  synchronized Split split(List<SyncObjectRequest> jobs, long nowMillis) {
    if (startsAt.size() > PRUNE_ABOVE)
      startsAt.values().removeIf(start -> start < nowMillis - COOL_DOWN.toMillis());
    List<SyncObjectRequest> now = new ArrayList<>();
    List<SyncObjectRequest> later = new ArrayList<>();
    for (SyncObjectRequest job : jobs) {
      String key = job.provider() + "/" + job.type().label() + ":" + job.objectId();
      Long last = startsAt.get(key);
      if (last != null && last > nowMillis - COOL_DOWN.toMillis()) {
        later.add(job);
        startsAt.put(key, nowMillis + COOL_DOWN.toMillis());
      } else {
        now.add(job);
        startsAt.put(key, nowMillis);
      }
    }
    return new Split(now, later);
  }
}
