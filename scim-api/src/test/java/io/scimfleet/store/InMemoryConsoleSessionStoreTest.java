package io.scimfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryConsoleSessionStoreTest extends ConsoleSessionStoreContractTest {
  @Override
  protected ConsoleSessionStore newStore() {
    return new InMemoryConsoleSessionStore(Clock.systemUTC());
  }

  @Test
  void usingASessionStartsItsIdleTimeAgain() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    InMemoryConsoleSessionStore sessions = new InMemoryConsoleSessionStore(clock);
    Duration idle = Duration.ofMinutes(30);
    sessions.open("s1", "csrf", idle);

    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.touch("s1", idle)).isPresent();
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.touch("s1", idle)).as("used 29 minutes ago").isPresent();
    clock.advance(Duration.ofMinutes(30));
    assertThat(sessions.touch("s1", idle)).as("unused 30 minutes").isEmpty();
  }

  @Test
  void beyondItsCapTheLeastRecentlyUsedSessionGoes() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    InMemoryConsoleSessionStore sessions = new InMemoryConsoleSessionStore(clock);
    Duration idle = Duration.ofMinutes(30);
    sessions.open("oldest", "csrf", idle);
    clock.advance(Duration.ofSeconds(1));
    for (int i = 1; i < InMemoryConsoleSessionStore.MAX; i++) sessions.open("s" + i, "csrf", idle);

    sessions.open("newest", "csrf", idle);

    assertThat(sessions.touch("oldest", idle)).isEmpty();
    assertThat(sessions.touch("newest", idle)).isPresent();
  }
}
