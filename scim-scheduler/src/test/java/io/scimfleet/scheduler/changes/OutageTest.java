package io.scimfleet.scheduler.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.store.StoreException;
import io.scimfleet.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The change feed's pause between failed passes doubles up to a few seconds, and starts over after
 * an outage.
 */
class OutageTest {
  private final MutableClock clock = MutableClock.startingNow();
  private final Outage outage =
      new Outage("change feed", LoggerFactory.getLogger(OutageTest.class), clock);
  private final StoreException redisDown =
      new StoreException("Redis failed to read changes", new RuntimeException());

  @Test
  void pausesDoubleUpToTheLongestPause() {
    List<Duration> pauses = new ArrayList<>();
    for (int i = 0; i < 7; i++) pauses.add(outage.failed(redisDown));

    assertThat(pauses)
        .extracting(Duration::toMillis)
        .containsExactly(250L, 500L, 1000L, 2000L, 4000L, 4000L, 4000L);
  }

  @Test
  void aPassThatWorksEndsTheOutageOnceAndStartsThePausesOver() {
    assertThat(outage.worked()).as("no outage yet").isFalse();
    outage.failed(redisDown);
    outage.failed(redisDown);
    clock.advance(Duration.ofMinutes(10));

    assertThat(outage.worked()).isTrue();
    assertThat(outage.worked()).isFalse();
    assertThat(outage.failed(redisDown)).isEqualTo(Outage.FIRST_PAUSE);
  }
}
