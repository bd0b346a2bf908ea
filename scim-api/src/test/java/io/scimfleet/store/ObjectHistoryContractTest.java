package io.scimfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncAttempt;
import io.scimfleet.model.SyncTrigger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-object history, for every {@link ObjectHistory}. */
public abstract class ObjectHistoryContractTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  protected ObjectHistory history;

  protected abstract ObjectHistory newObjectHistory();

  @BeforeEach
  void createStore() {
    history = newObjectHistory();
  }

  @Test
  public void anObjectNeverAttemptedHasAnEmptyHistory() {
    assertThat(history.recent("slack", ObjectType.USER, "u1")).isEmpty();
  }

  @Test
  public void attemptsComeBackNewestFirstWithEveryField() {
    SyncAttempt failed =
        new SyncAttempt(
            T0,
            SyncTrigger.CHANGE,
            "failed",
            List.of(new SyncAttempt.Request("POST", 400)),
            12,
            "POST /Users -> 400 invalidValue: userName");
    SyncAttempt created =
        new SyncAttempt(
            T0.plusSeconds(5),
            SyncTrigger.MANUAL,
            "created",
            List.of(new SyncAttempt.Request("GET", 404), new SyncAttempt.Request("POST", 201)),
            30,
            null);

    history.record("slack", ObjectType.USER, "u1", failed);
    history.record("slack", ObjectType.USER, "u1", created);

    assertThat(history.recent("slack", ObjectType.USER, "u1")).containsExactly(created, failed);
  }

  @Test
  public void onlyTheLastTwentyAreKept() {
    IntStream.range(0, 25)
        .forEach(i -> history.record("slack", ObjectType.GROUP, "g1", attempt(i)));

    List<SyncAttempt> recent = history.recent("slack", ObjectType.GROUP, "g1");

    assertThat(recent).hasSize(ObjectHistory.KEPT);
    assertThat(recent.get(0)).isEqualTo(attempt(24));
    assertThat(recent.get(19)).isEqualTo(attempt(5));
  }

  @Test
  public void aPagesAttemptsRecordedTogetherAreEachObjectsNewestAndKeepTheBound() {
    IntStream.range(0, 20).forEach(i -> history.record("slack", ObjectType.USER, "u1", attempt(i)));
    Map<String, SyncAttempt> page = new LinkedHashMap<>();
    page.put("u1", attempt(100));
    page.put("u2", attempt(101));

    history.recordAll("slack", ObjectType.USER, page);
    history.recordAll("slack", ObjectType.USER, Map.of());

    List<SyncAttempt> first = history.recent("slack", ObjectType.USER, "u1");
    assertThat(first).hasSize(ObjectHistory.KEPT);
    assertThat(first.get(0)).isEqualTo(attempt(100));
    assertThat(first.get(1)).isEqualTo(attempt(19));
    assertThat(history.recent("slack", ObjectType.USER, "u2")).containsExactly(attempt(101));
    assertThat(history.recent("slack", ObjectType.GROUP, "u2")).isEmpty();
  }

  @Test
  public void objectsTypesAndProvidersHaveTheirOwnHistory() {
    history.record("slack", ObjectType.USER, "x", attempt(1));
    history.record("slack", ObjectType.GROUP, "x", attempt(2));
    history.record("github", ObjectType.USER, "x", attempt(3));

    assertThat(history.recent("slack", ObjectType.USER, "x")).containsExactly(attempt(1));
    assertThat(history.recent("slack", ObjectType.GROUP, "x")).containsExactly(attempt(2));
    assertThat(history.recent("github", ObjectType.USER, "x")).containsExactly(attempt(3));
  }

  @Test
  public void deletingAProviderForgetsItsHistoryOnly() {
    history.record("slack", ObjectType.USER, "u1", attempt(1));
    history.record("slack", ObjectType.GROUP, "g1", attempt(2));
    history.record("slack-eu", ObjectType.USER, "u1", attempt(3));

    history.deleteProvider("slack");

    assertThat(history.recent("slack", ObjectType.USER, "u1")).isEmpty();
    assertThat(history.recent("slack", ObjectType.GROUP, "g1")).isEmpty();
    assertThat(history.recent("slack-eu", ObjectType.USER, "u1")).containsExactly(attempt(3));
  }

  private static SyncAttempt attempt(int i) {
    return new SyncAttempt(
        T0.plusSeconds(i),
        SyncTrigger.FULL_SYNC,
        "updated",
        List.of(new SyncAttempt.Request("PATCH", 200)),
        i,
        null);
  }
}
