package io.scimfleet.store;

import io.scimfleet.model.ObjectType;
import java.time.Duration;
import java.util.Optional;

/** One writer per (provider, object) across every worker: a short lease with an expiry. */
public interface ObjectLocks {

  /** A held lock; closing releases it if this holder still owns it. */
  interface Lock extends AutoCloseable {
    @Override
    void close();
  }

  /** Takes the lock, waiting up to {@code wait}; empty when another holder kept it that long. */
  Optional<Lock> acquire(String provider, ObjectType type, String objectId, Duration lease, Duration wait);
}
