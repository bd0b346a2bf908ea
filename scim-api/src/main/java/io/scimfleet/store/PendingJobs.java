package io.scimfleet.store;

import io.scimfleet.model.ObjectType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Coalescing of per-object jobs: at most one pending job per (provider, object). The scheduler
 * marks before it enqueues; the worker clears when the job starts, so a change that arrives while
 * the job runs enqueues one more job, and a burst of changes while it waits enqueues nothing.
 */
public interface PendingJobs {

  /** True when no job was pending and one is now marked: the caller must enqueue it. */
  boolean mark(String provider, ObjectType type, String objectId);

  void clear(String provider, ObjectType type, String objectId);

  /**
   * {@link #mark} for several objects of one type (one round trip where the store allows); the ids
   * newly marked.
   */
  default Set<String> markAll(String provider, ObjectType type, Collection<String> objectIds) {
    Set<String> marked = new HashSet<>();
    objectIds.forEach(
        id -> {
          if (mark(provider, type, id)) marked.add(id);
        });
    return marked;
  }

  /** Clears the marks of several objects of one type (one round trip where the store allows). */
  default void clearAll(String provider, ObjectType type, Collection<String> objectIds) {
    objectIds.forEach(id -> clear(provider, type, id));
  }

  long count(String provider);

  /** Forgets marks older than {@code before} (their job was lost before it could clear them). */
  long expire(String provider, Instant before);
}
