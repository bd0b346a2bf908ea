package io.scimfleet.worker.pipeline;

import io.scimfleet.store.ObjectLocks;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an object's lock while its sync goes on: every third of its lease the lease is renewed, so
 * a slow, rate-limited request never outlives it and lets a second worker write the same object. A
 * lock found lost (its lease ran out, e.g. the process stalled longer than a lease) is logged once
 * and no longer renewed. One daemon thread for the process; a renewal is one Redis round trip.
 */
final class LeaseKeeper {
  private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "scim-lease-renewal");
            thread.setDaemon(true);
            return thread;
          });

  private LeaseKeeper() {}

  /** {@code lock}, renewed every third of {@code lease} until it is closed. */
  static ObjectLocks.Lock kept(ObjectLocks.Lock lock, Duration lease, String what) {
    long period = Math.max(1, lease.toMillis() / 3);
    AtomicReference<ScheduledFuture<?>> renewing = new AtomicReference<>();
    renewing.set(
        TIMER.scheduleAtFixedRate(
            () -> renew(lock, lease, what, renewing), period, period, TimeUnit.MILLISECONDS));
    return new ObjectLocks.Lock() {
      @Override
      public void close() {
        renewal(renewing).cancel(false);
        lock.close();
      }

      @Override
      public boolean renew(Duration longer) {
        return lock.renew(longer);
      }

      @Override
      public @Nullable String token() {
        return lock.token();
      }
    };
  }

  /** The renewal task: set as soon as it is scheduled, before it can run or the lock close. */
  private static ScheduledFuture<?> renewal(AtomicReference<ScheduledFuture<?>> renewing) {
    return Objects.requireNonNull(renewing.get(), "the renewal is scheduled");
  }

  private static void renew(
      ObjectLocks.Lock lock,
      Duration lease,
      String what,
      AtomicReference<ScheduledFuture<?>> renewing) {
    try {
      if (lock.renew(lease)) return;
      log.warn("lock of {} lost: its lease ran out before it could be renewed", what);
      renewal(renewing).cancel(false);
    } catch (RuntimeException e) {
      log.debug("lock of {} not renewed this time: {}", what, e.getMessage()); // next period
    }
  }
}
