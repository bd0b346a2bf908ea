package io.scimfleet.worker.pipeline;

import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every removal a provider would send (change-driven deletes, scope exits, clean-up) in its
 * sliding window, and holds those beyond its deletion threshold: the share of the objects the
 * provider held on the target when the window began. A threshold of 100 turns it off. Removals an
 * operator released pass it.
 */
final class DeletionGuard {
  private static final Logger log = LoggerFactory.getLogger(DeletionGuard.class);

  private final Stores stores;
  private final Clock clock;
  private final Set<String> releasing = ConcurrentHashMap.newKeySet();

  DeletionGuard(Stores stores, Clock clock) {
    this.stores = stores;
    this.clock = clock;
  }

  /** True: send the removal. False: it is held now, with its remote id. */
  boolean allows(
      ProviderContext ctx,
      ObjectType type,
      String objectId,
      String remoteId,
      boolean leavesTarget) {
    Provider provider = ctx.provider();
    if (off(provider) || releasing.contains(key(provider.name(), type, objectId))) return true;
    long onTarget =
        stores.syncState().count(provider.name(), ObjectType.USER)
            + stores.syncState().count(provider.name(), ObjectType.GROUP);
    if (stores
        .deletions()
        .admit(
            provider.name(),
            type,
            objectId,
            leavesTarget,
            provider.deletionThresholdPercent(),
            onTarget,
            provider.deletionWindow(),
            clock.instant())) {
      return true;
    }
    stores
        .deletions()
        .hold(new HeldDeletion(provider.name(), type, objectId, remoteId, clock.instant()));
    log.info(
        "{}: removal of {} {} (remote {}) held: beyond the deletion threshold of {}% within {}",
        provider.name(),
        type.label(),
        objectId,
        remoteId,
        provider.deletionThresholdPercent(),
        provider.deletionWindow());
    return false;
  }

  /**
   * After a removal went out: it is no longer held, if it was (also with the guard since turned
   * off).
   */
  void sent(ProviderContext ctx, ObjectType type, String objectId) {
    stores.deletions().unhold(ctx.name(), type, objectId);
  }

  /** Runs {@code sync} with this object's removal released: it passes the guard. */
  <T> T releasing(HeldDeletion held, Supplier<T> sync) {
    String key = key(held.provider(), held.type(), held.objectId());
    releasing.add(key);
    try {
      return sync.get();
    } finally {
      releasing.remove(key);
    }
  }

  private static boolean off(Provider provider) {
    return provider.deletionThresholdPercent() >= 100;
  }

  private static String key(String provider, ObjectType type, String objectId) {
    return provider + "\u0000" + type.label() + "\u0000" + objectId;
  }
}
