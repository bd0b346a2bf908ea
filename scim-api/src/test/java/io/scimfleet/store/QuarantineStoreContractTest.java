package io.scimfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.Quarantine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quarantines, for every {@link QuarantineStore}. */
public abstract class QuarantineStoreContractTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  protected QuarantineStore quarantines;

  protected abstract QuarantineStore newQuarantineStore();

  @BeforeEach
  void createStore() {
    quarantines = newQuarantineStore();
  }

  @Test
  public void aFirstQuarantinePausesTheProviderForAMinute() {
    Quarantine entered = quarantines.enter("slack", "401 invalid_authentication", NOW);

    assertThat(entered.level()).isEqualTo(1);
    assertThat(entered.until()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    assertThat(quarantines.get("slack")).contains(entered);
    assertThat(quarantines.get("github")).isEmpty();
  }

  @Test
  public void eachQuarantineInARowLastsTwiceAsLongUpToAnHour() {
    List<Duration> pauses = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      Quarantine entered = quarantines.enter("slack", "503", NOW);
      pauses.add(Duration.between(entered.since(), entered.until()));
    }
    assertThat(pauses)
        .extracting(Duration::toMinutes)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
  }

  @Test
  public void releaseLiftsItAndTheNextQuarantineStartsAgainAtAMinute() {
    quarantines.enter("slack", "503", NOW);
    quarantines.enter("slack", "503", NOW);

    assertThat(quarantines.release("slack")).isTrue();
    assertThat(quarantines.release("slack")).isFalse();
    assertThat(quarantines.get("slack")).isEmpty();
    assertThat(quarantines.enter("slack", "503", NOW).level()).isEqualTo(1);
  }

  @Test
  public void workersEnteringAtOnceDeepenItOnceEach() {
    List<CompletableFuture<Quarantine>> entering = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      entering.add(CompletableFuture.supplyAsync(() -> quarantines.enter("slack", "503", NOW)));
    }
    entering.forEach(CompletableFuture::join);

    assertThat(quarantines.get("slack").orElseThrow().level()).isEqualTo(8);
  }

  @Test
  public void deepenRaisesOnlyTheQuarantineTheCallerSaw() {
    Quarantine first = quarantines.enter("slack", "503", NOW);

    assertThat(quarantines.deepen("slack", first, "503", NOW.plusSeconds(60)))
        .hasValueSatisfying(q -> assertThat(q.level()).isEqualTo(2));
    assertThat(quarantines.deepen("slack", first, "503", NOW.plusSeconds(61)))
        .hasValueSatisfying(q -> assertThat(q.level()).isEqualTo(2));
    assertThat(quarantines.deepen("slack", null, "503", NOW.plusSeconds(62)).orElseThrow().level())
        .isEqualTo(2);
    assertThat(quarantines.get("slack").orElseThrow().since()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  public void deepenOfNoneQuarantinesAndOfALiftedOneChangesNothing() {
    assertThat(quarantines.deepen("slack", null, "401", NOW).orElseThrow().level()).isEqualTo(1);
    Quarantine seen = quarantines.get("slack").orElseThrow();
    quarantines.release("slack");

    assertThat(quarantines.deepen("slack", seen, "401", NOW.plusSeconds(60))).isEmpty();
    assertThat(quarantines.get("slack")).isEmpty();
  }

  @Test
  public void workersDeepeningTheSameQuarantineAtOnceRaiseItByOne() {
    Quarantine seen = quarantines.enter("slack", "503", NOW);
    List<CompletableFuture<java.util.Optional<Quarantine>>> deepening = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      deepening.add(
          CompletableFuture.supplyAsync(
              () -> quarantines.deepen("slack", seen, "503", NOW.plusSeconds(60))));
    }
    deepening.forEach(CompletableFuture::join);

    assertThat(quarantines.get("slack").orElseThrow().level()).isEqualTo(2);
  }
}
