package io.scimfleet.scheduler.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);

  @Test
  void aSessionLastsWhileItIsUsedAndEndsAfterTheIdleTimeout() {
    Session session = sessions.open();

    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).containsSame(session);
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).as("used a minute ago: still on").isPresent();
    clock.advance(Duration.ofMinutes(30));
    assertThat(sessions.find(session.id())).as("idle 30 minutes").isEmpty();
  }

  @Test
  void signingOutEndsTheSessionAndUnknownIdsFindNothing() {
    Session session = sessions.open();

    sessions.close(session.id());

    assertThat(sessions.find(session.id())).isEmpty();
    assertThat(sessions.find("made-up")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void idsAndCsrfTokensAreLongRandomAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      Session s = sessions.open();
      assertThat(s.id()).hasSize(43).isNotEqualTo(s.csrfToken());
      assertThat(seen.add(s.id())).isTrue();
      assertThat(seen.add(s.csrfToken())).isTrue();
    }
  }

  @Test
  void theCsrfCheckWantsExactlyTheSessionsToken() {
    Session session = sessions.open();

    assertThat(session.csrfMatches(session.csrfToken())).isTrue();
    assertThat(session.csrfMatches(null)).isFalse();
    assertThat(session.csrfMatches("")).isFalse();
    assertThat(session.csrfMatches(session.csrfToken() + "x")).isFalse();
    assertThat(session.csrfMatches(sessions.open().csrfToken())).isFalse();
  }

  @Test
  void beyondTheCapTheLeastRecentlyUsedSessionGoes() {
    Session oldest = sessions.open();
    clock.advance(Duration.ofSeconds(1));
    for (int i = 1; i < Sessions.MAX; i++) sessions.open();
    clock.advance(Duration.ofSeconds(1));

    Session newest = sessions.open();

    assertThat(sessions.find(oldest.id())).isEmpty();
    assertThat(sessions.find(newest.id())).isPresent();
  }

  @Test
  void aNoticeIsShownOnce() {
    Session session = sessions.open();
    session.notice("done");

    assertThat(session.takeNotice()).isEqualTo("done");
    assertThat(session.takeNotice()).isNull();
  }
}
