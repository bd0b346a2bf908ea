package io.scimfleet.store;

import static io.scimfleet.model.ObjectType.GROUP;
import static io.scimfleet.model.ObjectType.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Coalescing marks, for every {@link PendingJobs}; both implementations stamp marks with the clock.
 */
public abstract class PendingJobsContractTest {
  protected final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  protected PendingJobs pending;

  protected abstract PendingJobs newPendingJobs(MutableClock clock);

  @BeforeEach
  void createStore() {
    pending = newPendingJobs(clock);
  }

  @Test
  public void anObjectIsMarkedOnceUntilItIsCleared() {
    assertThat(pending.mark("slack", USER, "u1")).isTrue();
    assertThat(pending.mark("slack", USER, "u1")).isFalse();

    pending.clear("slack", USER, "u1");

    assertThat(pending.mark("slack", USER, "u1")).isTrue();
  }

  @Test
  public void severalObjectsAreMarkedAndClearedAtOnceAndOnlyTheNewMarksAreReported() {
    pending.mark("slack", USER, "u2");

    assertThat(pending.markAll("slack", USER, List.of("u1", "u2", "u3")))
        .containsExactlyInAnyOrder("u1", "u3");
    assertThat(pending.markAll("slack", USER, List.of("u1", "u3"))).isEmpty();
    assertThat(pending.markAll("slack", GROUP, List.of("u1"))).containsExactly("u1");

    pending.clearAll("slack", USER, List.of("u1", "u2"));

    assertThat(pending.count("slack")).isEqualTo(2);
    assertThat(pending.markAll("slack", USER, List.of("u1", "u2", "u3")))
        .containsExactlyInAnyOrder("u1", "u2");
  }

  @Test
  public void marksAreCountedPerProviderAndKeptApartPerType() {
    pending.mark("slack", USER, "1");
    pending.mark("slack", GROUP, "1");
    pending.mark("github", USER, "1");

    assertThat(pending.count("slack")).isEqualTo(2);
    assertThat(pending.count("github")).isEqualTo(1);
    assertThat(pending.count("zoom")).isZero();
  }

  @Test
  public void expireForgetsOnlyMarksOlderThanTheGivenTime() {
    pending.mark("slack", USER, "old");
    clock.advance(Duration.ofMinutes(10));
    pending.mark("slack", USER, "new");

    assertThat(pending.expire("slack", clock.instant().minus(Duration.ofMinutes(5)))).isEqualTo(1);

    assertThat(pending.count("slack")).isEqualTo(1);
    assertThat(pending.mark("slack", USER, "old")).isTrue();
    assertThat(pending.mark("slack", USER, "new")).isFalse();
  }
}
