package io.scimfleet.scheduler.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentObjectsTest {
  private static final SyncObjectRequest U1 =
      new SyncObjectRequest("slack", ObjectType.USER, "u1", null);
  private static final SyncObjectRequest U2 =
      new SyncObjectRequest("slack", ObjectType.USER, "u2", null);
  private static final SyncObjectRequest U1_ELSEWHERE =
      new SyncObjectRequest("zoom", ObjectType.USER, "u1", null);
  private final RecentObjects recent = new RecentObjects();

  @Test
  void anObjectStartedWithinTheCoolDownWaitsForItsEndOthersStartNow() {
    assertThat(recent.split(List.of(U1), 0).now()).containsExactly(U1);

    RecentObjects.Split again = recent.split(List.of(U1, U2, U1_ELSEWHERE), 500);

    assertThat(again.now()).containsExactly(U2, U1_ELSEWHERE);
    assertThat(again.later()).containsExactly(U1);
  }

  @Test
  void theCoolDownCountsFromTheDelayedStartAndEndsAfterIt() {
    recent.split(List.of(U1), 0);
    recent.split(List.of(U1), 500); // starts at 2,500

    assertThat(recent.split(List.of(U1), 4_000).later()).containsExactly(U1);
    assertThat(recent.split(List.of(U2), 4_000).now()).containsExactly(U2);
    assertThat(recent.split(List.of(U2), 6_001).now()).containsExactly(U2);
  }
}
