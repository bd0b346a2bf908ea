package io.scimfleet.scheduler.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.store.InMemoryConsoleSessionStore;
import io.scimfleet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final Sessions sessions =
      new Sessions(new InMemoryConsoleSessionStore(clock), Duration.ofMinutes(30));

  @Test
  void aSessionLastsWhileItIsUsedAndEndsAfterTheIdleTimeout() {
    Session session = sessions.open();

    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).contains(session);
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).as("used 29 minutes ago: still on").isPresent();
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
    assertThat(sessions.find("")).isEmpty();
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
  void aNoticeIsShownOnce() {
    Session session = sessions.open();
    sessions.notice(session, "done");

    assertThat(sessions.takeNotice(session)).isEqualTo("done");
    assertThat(sessions.takeNotice(session)).isNull();
  }

  @Test
  void aSessionNeverPrintsItsSecrets() {
    Session session = sessions.open();

    assertThat(session.toString()).doesNotContain(session.id(), session.csrfToken());
  }
}
