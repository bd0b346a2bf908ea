package io.scimfleet.job.jobrunr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Failed logins per client address: after {@value #MAX_FAILURES} failures, each within {@link
 * #LOCKOUT} of the one before, the client is locked out for {@link #LOCKOUT}, even with the right
 * password. A success forgets the client's failures.
 */
final class LoginLockout {
  static final int MAX_FAILURES = 10;
  static final Duration LOCKOUT = Duration.ofMinutes(1);

  /** Beyond this many clients remembered, the ones neither locked nor recently failed go. */
  private static final int MAX_CLIENTS = 10_000;

  private record Failures(int count, Instant last, @Nullable Instant lockedUntil) {}

  private final Clock clock;
  private final Map<String, Failures> clients = new ConcurrentHashMap<>();

  LoginLockout(Clock clock) {
    this.clock = clock;
  }

  /** How long the client stays locked out; empty when it may try. */
  Optional<Duration> lockedFor(String client) {
    Failures failures = clients.get(client);
    Instant now = clock.instant();
    if (failures == null || failures.lockedUntil() == null || !now.isBefore(failures.lockedUntil()))
      return Optional.empty();
    return Optional.of(Duration.between(now, failures.lockedUntil()));
  }

  void failed(String client) {
    Instant now = clock.instant();
    if (clients.size() >= MAX_CLIENTS) clients.values().removeIf(f -> forgotten(f, now));
    clients.compute(client, (key, before) -> next(before, now));
  }

  void succeeded(String client) {
    clients.remove(client);
  }

  private static Failures next(Failures before, Instant now) {
    int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
    if (count >= MAX_FAILURES) return new Failures(0, now, now.plus(LOCKOUT));
    return new Failures(count, now, null);
  }

  private static boolean forgotten(Failures failures, Instant now) {
    boolean locked = failures.lockedUntil() != null && now.isBefore(failures.lockedUntil());
    return !locked && !now.isBefore(failures.last().plus(LOCKOUT));
  }
}
