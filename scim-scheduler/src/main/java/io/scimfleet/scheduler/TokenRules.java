package io.scimfleet.scheduler;

import org.jspecify.annotations.Nullable;

/** What makes a bearer token the fleet accepts at start: long enough not to be guessed. */
public final class TokenRules {
  /** The fewest characters of an admin or inbound token: 32 (e.g. openssl rand -hex 24). */
  public static final int MIN_LENGTH = 32;

  private TokenRules() {}

  /**
   * Refuses a token shorter than {@link #MIN_LENGTH}, naming the variable (never the token); null
   * passes (absence is checked where it matters).
   */
  public static void requireLongEnough(String variable, @Nullable String token) {
    if (token != null && token.strip().length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          variable
              + " must be at least "
              + MIN_LENGTH
              + " characters: generate one with 'openssl rand -hex 24'");
    }
  }
}
