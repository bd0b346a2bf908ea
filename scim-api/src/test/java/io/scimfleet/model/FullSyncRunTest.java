package io.scimfleet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.model.FullSyncRun.Phase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The phases of a run and the changes its with-methods make. */
class FullSyncRunTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theLastPageOfEachPagedPhaseEndsItAndNoOtherDoes() {
    FullSyncRun run =
        FullSyncRun.started("r1", "slack", START).planned(Phase.USERS, 3).planned(Phase.GROUPS, 2);

    assertThat(run.phase()).isEqualTo(Phase.GROUPS);
    assertThat(run.userPages()).isEqualTo(3);
    assertThat(run.groupPages()).isEqualTo(2);
    assertThat(run.phaseEndedBy(ObjectType.USER, 2)).isEmpty();
    assertThat(run.phaseEndedBy(ObjectType.USER, 3)).contains(Phase.GROUPS);
    assertThat(run.phaseEndedBy(ObjectType.GROUP, 4)).isEmpty();
    assertThat(run.phaseEndedBy(ObjectType.GROUP, 5)).contains(Phase.CLEANUP);
  }

  @Test
  void planningUsersStartsTheGroupCountAfreshAndOnlyPagedPhasesArePlanned() {
    FullSyncRun run =
        FullSyncRun.started("r1", "slack", START).planned(Phase.GROUPS, 4).planned(Phase.USERS, 1);

    assertThat(run.groupPages()).isZero();
    assertThat(Phase.USERS.next()).isEqualTo(Phase.GROUPS);
    assertThat(Phase.CLEANUP.next()).isEqualTo(Phase.DONE);
    assertThat(Phase.DONE.next()).isEqualTo(Phase.DONE);
    assertThatThrownBy(() -> run.planned(Phase.CLEANUP, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tallyAndFinishKeepEverythingElse() {
    SyncCounts counts = SyncCounts.of(SyncOutcome.CREATED);
    FullSyncRun run =
        FullSyncRun.started("r1", "slack", START)
            .planned(Phase.USERS, 2)
            .withTally(2, counts, List.of("user u1: 400"));
    FullSyncRun finished = run.finished(FullSyncRun.Status.SUCCEEDED, "ok", START.plusSeconds(60));

    assertThat(finished)
        .isEqualTo(
            new FullSyncRun(
                "r1",
                "slack",
                FullSyncRun.Status.SUCCEEDED,
                Phase.DONE,
                START,
                START.plusSeconds(60),
                2,
                0,
                2,
                counts,
                List.of("user u1: 400"),
                "ok"));
    assertThat(run.withoutTally().pagesDone()).isZero();
    assertThat(run.withoutTally().counts()).isEqualTo(SyncCounts.ZERO);
    assertThat(run.withoutTally().errors()).isEmpty();
  }
}
