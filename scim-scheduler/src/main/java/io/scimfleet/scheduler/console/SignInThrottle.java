package io.scimfleet.scheduler.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing of the admin token: at most {@link #ATTEMPTS} wrong tokens per client address in
 * {@link #WINDOW}; beyond that every sign-in from the address is refused until the oldest wrong
 * attempt leaves the window. Remembers at most {@link #ADDRESSES} addresses.
 */
final class SignInThrottle {
  static final int ATTEMPTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final int ADDRESSES = 10_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the address must wait before it may try again; zero when it may now. */
  Duration wait(String address) {
    Deque<Instant> recent = failures.get(address);
    if (recent == null) return Duration.ZERO;
    synchronized (recent) {
      Instant now = clock.instant();
      forgetOld(recent, now);
      if (recent.size() < ATTEMPTS) return Duration.ZERO;
      return Duration.between(now, recent.peekFirst().plus(WINDOW));
    }
  }

  void failed(String address) {
    if (failures.size() >= ADDRESSES) failures.clear();
    Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(clock.instant());
      while (recent.size() > ATTEMPTS) recent.removeFirst();
    }
  }

  void succeeded(String address) {
    failures.remove(address);
  }

  private static void forgetOld(Deque<Instant> recent, Instant now) {
    while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) recent.removeFirst();
  }
}
