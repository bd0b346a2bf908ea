package io.scimfleet.scheduler.changes;

import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.PasswordStore;
import io.scimfleet.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the passwords whose time ran out ({@code SCIM_PASSWORD_TTL}) and records, on each provider
 * that wanted one and never got it, that it was dropped. Redis has removed the sealed text already
 * (it expires with the TTL); this records the fact. At most once per {@link #EVERY}; with several
 * schedulers, each drop is taken by one of them.
 */
final class ExpiredPasswords {
  static final String DROPPED = "dropped: not delivered before SCIM_PASSWORD_TTL ran out";
  static final Duration EVERY = Duration.ofSeconds(1);
  private static final int BATCH = 100;
  private static final Logger log = LoggerFactory.getLogger(ExpiredPasswords.class);

  private final Stores stores;
  private Instant last = Instant.EPOCH;

  ExpiredPasswords(Stores stores) {
    this.stores = stores;
  }

  /**
   * Drops what is due at {@code now}, unless the last pass was less than {@link #EVERY} ago;
   * returns how many.
   */
  int dropDue(Instant now) {
    if (Duration.between(last, now).compareTo(EVERY) < 0) return 0;
    last = now;
    List<PasswordStore.Dropped> dropped = stores.passwords().dropExpired(now, BATCH);
    dropped.forEach(
        drop -> drop.undelivered().forEach(provider -> record(provider, drop.userId(), now)));
    if (!dropped.isEmpty())
      log.info("dropped {} password change(s) not delivered in time", dropped.size());
    return dropped.size();
  }

  private void record(String provider, String userId, Instant now) {
    ObjectSyncState state =
        stores
            .syncState()
            .get(provider, ObjectType.USER, userId)
            .orElseGet(
                () ->
                    new ObjectSyncState(
                        provider,
                        ObjectType.USER,
                        userId,
                        null,
                        null,
                        null,
                        List.of(),
                        now,
                        null,
                        null,
                        List.of(),
                        null));
    stores.syncState().put(state.withPassword(DROPPED));
  }
}
