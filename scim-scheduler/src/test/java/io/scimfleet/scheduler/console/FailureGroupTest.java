package io.scimfleet.scheduler.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureGroupTest {
  @Test
  void failuresAreGroupedByErrorMostFrequentFirstWithSampleObjects() {
    List<FailureGroup> groups =
        FailureGroup.of(
            List.of(
                "user u1: POST /Users -> 409 uniqueness: userName exists",
                "user u2: POST /Users -> 400 invalidValue: emails",
                "user u3: POST /Users -> 409 uniqueness: userName exists",
                "drift check of Users stopped: timeout"));

    assertThat(groups)
        .containsExactly(
            new FailureGroup(
                "POST /Users -> 409 uniqueness: userName exists", 2, List.of("user u1", "user u3")),
            new FailureGroup("POST /Users -> 400 invalidValue: emails", 1, List.of("user u2")),
            new FailureGroup("timeout", 1, List.of("drift check of Users stopped")));
  }

  @Test
  void anErrorWithoutObjectKeepsItsWholeText() {
    assertThat(FailureGroup.of(List.of("boom")))
        .containsExactly(new FailureGroup("boom", 1, List.of()));
  }
}
