package io.scimfleet.worker.pipeline;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The token of the object lock this thread holds while it syncs an object (or a Bulk request's
 * users), which fences that sync's state writes: a write made after the lease ran out and another
 * worker took the lock is refused by the store ({@link io.scimfleet.store.LockLostException}). An
 * object's sync runs on one thread from lock to state write, and the objects synced first (members,
 * a manager) are synced while its lock is not held, so one token per thread is enough.
 */
final class WriteFence {
  private static final ThreadLocal<String> TOKEN = new ThreadLocal<>();

  private WriteFence() {}

  /** Runs {@code work} with {@code token} fencing its state writes; the previous one after. */
  static <T> T holding(@Nullable String token, Supplier<T> work) {
    String previous = TOKEN.get();
    TOKEN.set(token);
    try {
      return work.get();
    } finally {
      if (previous == null) TOKEN.remove();
      else TOKEN.set(previous);
    }
  }

  /** The token fencing this thread's state writes; null outside a locked sync (unfenced). */
  static @Nullable String current() {
    return TOKEN.get();
  }
}
