package io.scimfleet.scheduler.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.store.InMemoryConsoleSessionStore;
import io.scimfleet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInTest {
  private static final String TOKEN = "the-admin-token-0123456789abcdef";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final SignIn signIn =
      new SignIn(
          TOKEN,
          new Sessions(new InMemoryConsoleSessionStore(clock), Duration.ofMinutes(30)),
          clock);

  @Test
  void theRightTokenOpensASession() {
    SignIn.Outcome outcome = signIn.attempt("10.0.0.1", TOKEN);

    assertThat(outcome.session()).isNotNull();
    assertThat(outcome.error()).isNull();
  }

  @Test
  void aWrongTokenSaysSoWithoutRepeatingIt() {
    SignIn.Outcome outcome = signIn.attempt("10.0.0.1", "guess");

    assertThat(outcome.session()).isNull();
    assertThat(outcome.status()).isEqualTo(401);
    assertThat(outcome.error()).isEqualTo("Wrong admin token.");
  }

  @Test
  void fiveWrongTokensInAMinuteLockTheAddressOutUntilTheOldestLeavesTheWindow() {
    for (int i = 0; i < SignInThrottle.ATTEMPTS; i++) {
      signIn.attempt("10.0.0.1", "guess " + i);
      clock.advance(Duration.ofSeconds(5));
    }

    SignIn.Outcome locked = signIn.attempt("10.0.0.1", TOKEN);
    SignIn.Outcome otherAddress = signIn.attempt("10.0.0.2", TOKEN);

    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.error()).isEqualTo("Too many wrong tokens: try again in 35 s.");
    assertThat(otherAddress.session()).isNotNull();
    clock.advance(Duration.ofSeconds(35));
    assertThat(signIn.attempt("10.0.0.1", TOKEN).session()).isNotNull();
  }

  @Test
  void aSuccessForgetsTheAddressesFailures() {
    for (int i = 0; i < SignInThrottle.ATTEMPTS - 1; i++) signIn.attempt("10.0.0.1", "guess");
    signIn.attempt("10.0.0.1", TOKEN);

    for (int i = 0; i < SignInThrottle.ATTEMPTS - 1; i++) signIn.attempt("10.0.0.1", "guess");

    assertThat(signIn.attempt("10.0.0.1", TOKEN).session()).isNotNull();
  }
}
