package io.scimfleet.scim.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes of response bodies the whole process may be reading at once: each body's bytes are
 * taken from it while the body is read and given back once it is text, so that 32 threads each
 * reading a {@code SCIM_MAX_RESPONSE_BYTES} body cannot together fill the heap. A read that cannot
 * get its bytes within the wait fails as a transport error (retried later), never as an
 * OutOfMemoryError.
 */
final class ResponseBudget {
  /** A quarter of the largest heap, at least 8 MiB. */
  static final ResponseBudget PROCESS =
      new ResponseBudget(
          Math.max(8L << 20, Runtime.getRuntime().maxMemory() / 4), Duration.ofSeconds(30));

  private static final int UNIT = 1024;

  private final Semaphore kilobytes;
  private final long capacity;
  private final Duration wait;

  ResponseBudget(long bytes, Duration wait) {
    this.capacity = Math.max(1, bytes / UNIT);
    this.kilobytes = new Semaphore((int) Math.min(Integer.MAX_VALUE, capacity));
    this.wait = wait;
  }

  /**
   * Takes room for {@code bytes} more; returns what was taken, to give back with {@link #giveBack}.
   */
  int take(int bytes) throws IOException {
    int units = (int) Math.min(capacity, (bytes + UNIT - 1) / UNIT);
    try {
      if (kilobytes.tryAcquire(units, wait.toMillis(), TimeUnit.MILLISECONDS)) return units;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to read a response body", e);
    }
    throw new IOException(
        "too many large response bodies in flight in this process: waited "
            + wait.toSeconds()
            + " s for room to read one");
  }

  void giveBack(int units) {
    kilobytes.release(units);
  }

  int available() {
    return kilobytes.availablePermits();
  }
}
