package io.scimfleet.store;

import io.scimfleet.model.ObjectType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One writer per (provider, object) across every worker: a short lease with an expiry. */
public interface ObjectLocks {

  /** A held lock; closing releases it if this holder still owns it. */
  interface Lock extends AutoCloseable {
    @Override
    void close();

    /**
     * Extends the lease to {@code lease} from now while this holder still owns the lock; false when
     * its lease ran out and the lock is gone or another's (the default: a lock that cannot tell).
     */
    default boolean renew(Duration lease) {
      return true;
    }

    /**
     * The holder's token, which fences its state writes ({@link SyncStateStore#putAll(Collection,
     * String)}); null for a lock that has none (its writes go unfenced).
     */
    default @Nullable String token() {
      return null;
    }
  }

  /** Takes the lock, waiting up to {@code wait}; empty when another holder kept it that long. */
  Optional<Lock> acquire(
      String provider, ObjectType type, String objectId, Duration lease, Duration wait);

  /** Locks taken together (a page's), released together by {@link #close()}. */
  interface Locks extends AutoCloseable {
    /** The ids whose lock was free and is now held, in the order asked. */
    List<String> held();

    /** The token all of {@link #held()} hold (see {@link Lock#token()}); null when none. */
    default @Nullable String token() {
      return null;
    }

    @Override
    void close();

    /**
     * Locks on {@code held} (in that order), all holding {@code token}, let go by {@code release}.
     */
    static Locks of(List<String> held, String token, Runnable release) {
      List<String> ids = List.copyOf(held);
      return new Locks() {
        @Override
        public List<String> held() {
          return ids;
        }

        @Override
        public String token() {
          return token;
        }

        @Override
        public void close() {
          release.run();
        }
      };
    }
  }

  /**
   * Takes each lock that is free now, without waiting (in one round trip where the store can); the
   * ids held by another holder are left out of {@link Locks#held()}.
   */
  default Locks acquireFree(
      String provider, ObjectType type, List<String> objectIds, Duration lease) {
    Map<String, Lock> held = new LinkedHashMap<>();
    for (String id : objectIds)
      acquire(provider, type, id, lease, Duration.ZERO).ifPresent(lock -> held.put(id, lock));
    return new Locks() {
      @Override
      public List<String> held() {
        return new ArrayList<>(held.keySet());
      }

      @Override
      public void close() {
        held.values().forEach(Lock::close);
      }
    };
  }
}
