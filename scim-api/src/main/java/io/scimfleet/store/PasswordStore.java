package io.scimfleet.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Passwords on their way to the targets, held only sealed (the store never sees the clear text),
 * one per user, for a limited time. A password is kept until every provider that wants it is done
 * with it (delivered, or refused because the target takes no passwords), or until its time is up:
 * then it is dropped, and {@link #dropExpired} says which providers never got it.
 */
public interface PasswordStore {

  /**
   * A user's pending password: its change id (a new password gets a new one) and its sealed text.
   */
  record Pending(String changeId, String sealed) {
    @Override
    public String toString() {
      return "Pending[" + changeId + "]";
    }
  }

  /**
   * A password whose time ran out: the user, and the providers that wanted it and are not done with
   * it (empty when nobody said which providers want it).
   */
  record Dropped(String userId, Set<String> undelivered) {}

  /**
   * The users among {@code userIds} whose current password {@code provider} has not had yet: what
   * {@link #pending} would find, for a page of users at once.
   */
  default Set<String> waiting(List<String> userIds, String provider) {
    Set<String> waiting = new HashSet<>();
    for (String id : userIds) if (pending(id, provider).isPresent()) waiting.add(id);
    return waiting;
  }

  /**
   * Keeps this sealed password for the user for {@code ttl}, replacing one not yet delivered;
   * returns its change id.
   */
  String put(String userId, String sealed, Duration ttl);

  /** The user's password, while this provider is not done with it. */
  Optional<Pending> pending(String userId, String provider);

  /**
   * Says which providers want the user's current password. When all of them are done already (or
   * the set is empty) it is deleted at once.
   */
  void expect(String userId, Set<String> providers);

  /**
   * This provider is done with the password of this change. Once every provider that wants it is
   * done, the password is deleted. A change that is no longer the user's current one is ignored.
   */
  void done(String userId, String changeId, String provider);

  /**
   * Removes at most {@code max} passwords whose time was up at {@code now}, and says who never got
   * them.
   */
  List<Dropped> dropExpired(Instant now, int max);
}
