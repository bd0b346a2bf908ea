package io.scimfleet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.model.FullSyncMachine.Event;
import io.scimfleet.model.FullSyncRun.Phase;
import io.scimfleet.model.FullSyncRun.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The full-sync state machine as a table: every phase × every event, either the phase it moves to
 * or "refused" ({@code -}). A row missing here, or one the machine answers otherwise, fails.
 */
class FullSyncMachineTest {
  private static final String REFUSED = "-";

  /** Columns: the events in declaration order; rows: the phases in declaration order. */
  private static final String[] EVENTS = {
    "USERS_PLANNED",
    "GROUPS_PLANNED",
    "CLEANUP_STARTED",
    "SUCCEEDED",
    "PARTIAL",
    "THRESHOLD_EXCEEDED",
    "FAILED",
    "ABANDONED"
  };

  private static final String[][] TABLE = {
    // from      USERS_PLANNED GROUPS_PLANNED CLEANUP_STARTED SUCCEEDED PARTIAL THRESHOLD FAILED
    // ABANDONED
    {"PLANNED", "USERS", "-", "-", "-", "-", "-", "-", "FAILED"},
    {"USERS", "USERS", "GROUPS", "-", "-", "-", "-", "-", "FAILED"},
    {"GROUPS", "-", "GROUPS", "CLEANUP", "-", "-", "-", "-", "FAILED"},
    {"CLEANUP", "-", "-", "CLEANUP", "DONE", "PARTIAL", "PARTIAL", "FAILED", "FAILED"},
    {"DONE", "-", "-", "-", "-", "-", "-", "-", "-"},
    {"PARTIAL", "-", "-", "-", "-", "-", "-", "-", "-"},
    {"FAILED", "-", "-", "-", "-", "-", "-", "-", "-"},
  };

  static Stream<Arguments> table() {
    List<Arguments> cells = new ArrayList<>();
    for (String[] row : TABLE) {
      for (int column = 0; column < EVENTS.length; column++) {
        cells.add(
            Arguments.of(Phase.valueOf(row[0]), Event.valueOf(EVENTS[column]), row[column + 1]));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} × {1} → {2}")
  @MethodSource("table")
  void eachPhaseTakesEachEventAsTheTableSays(Phase from, Event event, String to) {
    if (REFUSED.equals(to)) {
      assertThat(FullSyncMachine.next(from, event)).isEmpty();
      assertThatThrownBy(() -> FullSyncMachine.move(from, event))
          .isInstanceOf(FullSyncMachine.RefusedException.class)
          .hasMessageContaining(from.name())
          .hasMessageContaining(event.name());
    } else {
      assertThat(FullSyncMachine.next(from, event)).contains(Phase.valueOf(to));
      assertThat(FullSyncMachine.move(from, event)).isEqualTo(Phase.valueOf(to));
    }
  }

  @Test
  void theTableCoversEveryPhaseAndEvent() {
    assertThat(Stream.of(TABLE).map(row -> Phase.valueOf(row[0]))).containsExactly(Phase.values());
    assertThat(Stream.of(EVENTS).map(Event::valueOf)).containsExactly(Event.values());
    assertThat(List.of(TABLE)).allSatisfy(row -> assertThat(row).hasSize(EVENTS.length + 1));
  }

  @ParameterizedTest
  @EnumSource(
      value = Event.class,
      names = {"SUCCEEDED", "PARTIAL", "THRESHOLD_EXCEEDED", "FAILED", "ABANDONED"})
  void anEndingEventEndsInThePhaseItsStatusIsStoredWith(Event event) {
    Phase from = event == Event.ABANDONED ? Phase.USERS : Phase.CLEANUP;
    assertThat(FullSyncMachine.move(from, event)).isEqualTo(FullSyncMachine.ended(event.status()));
    assertThat(FullSyncMachine.ended(FullSyncMachine.move(from, event))).isTrue();
  }

  @Test
  void aRunIsPastOnlyThePhasesBeforeItsOwn() {
    assertThat(FullSyncMachine.past(Phase.CLEANUP, Phase.GROUPS)).isTrue();
    assertThat(FullSyncMachine.past(Phase.GROUPS, Phase.GROUPS)).isFalse();
    assertThat(FullSyncMachine.past(Phase.USERS, Phase.CLEANUP)).isFalse();
    assertThat(FullSyncMachine.past(Phase.PLANNED, Phase.USERS)).isFalse();
  }

  @Test
  void aRunThatGoesWellWalksEveryPhaseAndIsStoredDone() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    FullSyncRun run = FullSyncRun.started("r1", "slack", start);
    List<Phase> walked = new ArrayList<>(List.of(run.phase()));
    for (Event event : List.of(Event.USERS_PLANNED, Event.GROUPS_PLANNED, Event.CLEANUP_STARTED)) {
      run = run.moved(event);
      walked.add(run.phase());
      assertThat(run.phase().next()).isEqualTo(FullSyncMachine.after(run.phase()));
    }
    walked.add(run.finished(Status.SUCCEEDED, null, start.plusSeconds(1)).phase());

    assertThat(walked)
        .containsExactly(Phase.PLANNED, Phase.USERS, Phase.GROUPS, Phase.CLEANUP, Phase.DONE);
    assertThat(Event.verdict(Status.PARTIAL)).isEqualTo(Event.PARTIAL);
    assertThatThrownBy(() -> Event.verdict(Status.RUNNING))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FullSyncRun.started("r2", "slack", start).moved(Event.SUCCEEDED))
        .isInstanceOf(FullSyncMachine.RefusedException.class);
  }
}
