package io.scimfleet.worker.pipeline;

import static io.scimfleet.testing.SyncStateBuilder.aSyncState;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sync decision and the group hash's format, as tables. */
class SyncDecisionTest {

  /**
   * state: none, sent (on the target with hash {@code h}), failed (on the target, last sync
   * failed), unlinked (a state without remote id, hash {@code h}).
   */
  @ParameterizedTest(name = "{0} state, hash {1}, force {2}: {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "none,     h, false, CREATE",
        "none,     h, true,  CREATE",
        "none,     -, false, REMOVE",
        "sent,     -, false, REMOVE",
        "sent,     h, false, UNCHANGED",
        "sent,     h, true,  UPDATE",
        "sent,     k, false, UPDATE",
        "failed,   h, false, UNCHANGED",
        "unlinked, h, false, CREATE",
        "unlinked, -, true,  REMOVE",
      })
  void decidesWhatTheTargetNeeds(
      String state, String hash, boolean force, SyncDecision.Action action) {
    assertThat(SyncDecision.of(state(state), hash, force)).isEqualTo(action);
  }

  @ParameterizedTest(name = "{0} state: {1}")
  @CsvSource({"none, false", "sent, true", "failed, false", "unlinked, false"})
  void aPageSkipsTheLockOnlyForAStateOnTheTargetThatLastSyncedWell(
      String state, boolean mayBeUnchanged) {
    assertThat(SyncDecision.mayBeUnchangedUnlocked(state(state))).isEqualTo(mayBeUnchanged);
  }

  @ParameterizedTest(name = "{0} state, hash {1}: sent before {2}")
  @CsvSource({"none, h, false", "sent, h, true", "sent, k, false", "unlinked, h, true"})
  void aPayloadSentBeforeNeedsNoValidation(String state, String hash, boolean sentBefore) {
    assertThat(SyncDecision.sentBefore(state(state), hash)).isEqualTo(sentBefore);
  }

  @ParameterizedTest(name = "stored {0}, attributes {1}, force {2}: changed {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "w:a,               a, false, false",
        "w:a,               a, true,  true",
        "w:b,               a, false, true",
        "members-pending:a, a, false, false",
        "drift:a,           a, false, false",
        "deactivated,       a, false, true",
        "-,                 a, false, true",
      })
  void aGroupsAttributesGoAgainOnlyWhenTheyChanged(
      String stored, String attributes, boolean force, boolean changed) {
    ObjectSyncState state =
        aSyncState("crm", ObjectType.GROUP, "eng").withPayloadHash(stored).build();
    assertThat(SyncDecision.attributesChanged(state, new GroupHash("x", attributes), force))
        .isEqualTo(changed);
  }

  /** deactivated: on the target, deactivated there. */
  @ParameterizedTest(name = "{0} state, present {1}, deactivates {2}: removal candidate {3}")
  @CsvSource({
    "none,        false, false, false",
    "unlinked,    false, false, false",
    "sent,        true,  false, false",
    "sent,        false, false, true",
    "sent,        false, true,  true",
    "deactivated, false, true,  false",
    "deactivated, false, false, true",
  })
  void theCleanUpRemovesWhatIsOnTheTargetAndGoneAndNotRemovedBefore(
      String state, boolean present, boolean deactivates, boolean candidate) {
    assertThat(SyncDecision.removalCandidate(state(state), present, deactivates))
        .isEqualTo(candidate);
  }

  @Test
  void aGroupHashIsItsWholeAndItsAttributesParts() {
    GroupHash hash = new GroupHash("w", "a");

    assertThat(hash.stored()).isEqualTo("w:a");
    assertThat(GroupHash.parse("w:a")).contains(hash);
    assertThat(hash.membersPending().stored()).isEqualTo("members-pending:a");
    assertThat(hash.drifted().stored()).isEqualTo("drift:a");
    assertThat(GroupHash.parse("deactivated")).isEqualTo(Optional.empty());
    assertThat(GroupHash.parse(null)).isEqualTo(Optional.empty());
  }

  @Test
  void aRemovalFindsADeactivatedObjectRemovedOnlyWhereTheTargetDeactivates() {
    ObjectSyncState deactivated =
        aSyncState("crm", ObjectType.USER, "ada")
            .createdAs("r-1")
            .build()
            .withFailure(SyncOutcome.DEACTIVATED, null, Instant.EPOCH);

    assertThat(SyncDecision.removedBefore(deactivated, true)).isTrue();
    assertThat(SyncDecision.removedBefore(deactivated, false)).isFalse();
    assertThat(SyncDecision.removedBefore(null, true)).isFalse();
  }

  private static ObjectSyncState state(String name) {
    return switch (name) {
      case "none" -> null;
      case "sent" -> aSyncState("crm", ObjectType.USER, "ada").withPayloadHash("h").build();
      case "failed" ->
          aSyncState("crm", ObjectType.USER, "ada").withPayloadHash("h").failedWith("x").build();
      case "deactivated" ->
          aSyncState("crm", ObjectType.USER, "ada")
              .build()
              .withFailure(SyncOutcome.DEACTIVATED, null, Instant.EPOCH);
      case "unlinked" ->
          aSyncState("crm", ObjectType.USER, "ada").createdAs(null).withPayloadHash("h").build();
      default -> throw new IllegalArgumentException(name);
    };
  }
}
