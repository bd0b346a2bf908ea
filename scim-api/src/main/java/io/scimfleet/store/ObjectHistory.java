package io.scimfleet.store;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncAttempt;
import java.util.List;
import java.util.Map;

/**
 * The last {@value #KEPT} sync attempts of each (provider, object), newest first: what an admin
 * debugging one user reads. Bounded per object; an object not attempted for {@code 30} days loses
 * its history in Redis.
 */
public interface ObjectHistory {
  int KEPT = 20;

  /** Adds the attempt as the newest and drops the oldest beyond {@value #KEPT}. */
  void record(String provider, ObjectType type, String objectId, SyncAttempt attempt);

  /**
   * Records one attempt of each object ({@code objectId} to attempt), as {@link #record} does for
   * each: a page's attempts in one round trip where the store allows.
   */
  default void recordAll(String provider, ObjectType type, Map<String, SyncAttempt> attempts) {
    attempts.forEach((objectId, attempt) -> record(provider, type, objectId, attempt));
  }

  /** At most {@value #KEPT} attempts, newest first; empty for an object never attempted. */
  List<SyncAttempt> recent(String provider, ObjectType type, String objectId);

  /** Forgets the history of every object of the provider. */
  void deleteProvider(String provider);
}
