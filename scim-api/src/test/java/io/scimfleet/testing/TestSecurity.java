package io.scimfleet.testing;

import io.scimfleet.config.SecuritySettings;
import io.scimfleet.secret.SecretBox;
import io.scimfleet.secret.SecretSources;
import io.scimfleet.target.TargetPolicy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Security settings for tests: a fixed key, a secrets directory of the test's choosing, and
 * variables from a map instead of the process environment.
 */
public final class TestSecurity {
  public static final SecretBox BOX = SecretBox.of(key((byte) 7));

  private TestSecurity() {}

  /**
   * Secrets under {@code secretsDir}, variables from {@code variables}, the default target rules.
   */
  public static SecuritySettings settings(Path secretsDir, Map<String, String> variables) {
    return new SecuritySettings(
        new SecretSources(secretsDir, SecretSources.DEFAULT_ENV_PREFIX, BOX, variables::get),
        TargetPolicy.defaults(),
        null);
  }

  /** No file and no variable can be read (the directory does not exist). */
  public static SecuritySettings settings() {
    return settings(Path.of("/nonexistent/scim-test-secrets"), Map.of());
  }

  /** A token as the scheduler stores it, sealed with {@link #BOX}. */
  public static String seal(String token) {
    return BOX.seal(token);
  }

  public static byte[] key(byte fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, fill);
    return key;
  }
}
