package io.scimfleet.testing;

import io.scimfleet.config.SecuritySettings;
import io.scimfleet.model.Credential;
import io.scimfleet.secret.CredentialSecrets;
import io.scimfleet.secret.SecretBinding;
import io.scimfleet.secret.SecretBox;
import io.scimfleet.secret.SecretSources;
import io.scimfleet.target.TargetPolicy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Security settings for tests: a fixed key, a secrets directory of the test's choosing, and
 * variables from a map instead of the process environment.
 */
public final class TestSecurity {
  public static final SecretBox BOX = SecretBox.of(key((byte) 7));

  /** {@link #BOX}'s key as {@code SCIM_SECRET_KEY} gives it, for a worker in its own process. */
  public static final String KEY_BASE64 = Base64.getEncoder().encodeToString(key((byte) 7));

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

  /** A provider's bearer token as the scheduler stores it, sealed with {@link #BOX}. */
  public static String seal(String provider, String token) {
    return BOX.seal(token, SecretBinding.provider(provider, "token"));
  }

  /** A user's password as the scheduler stores it, sealed with {@link #BOX}. */
  public static String sealPassword(String userId, String password) {
    return BOX.seal(password, SecretBinding.password(userId));
  }

  /** A provider's bearer token opened as a worker opens it. */
  public static String open(String provider, String sealed) {
    return BOX.open(sealed, SecretBinding.provider(provider, "token"));
  }

  /** A user's password opened as a worker opens it. */
  public static String openPassword(String userId, String sealed) {
    return BOX.open(sealed, SecretBinding.password(userId));
  }

  /** A provider's inline bearer token, sealed as the scheduler stores it. */
  public static Credential inline(String provider, String token) {
    return Credential.inline(seal(provider, token));
  }

  /**
   * The credential as the scheduler stores it: a clear inline secret sealed for this provider (and
   * its kind of secret); a sealed one, a file or a variable as it is.
   */
  public static Credential sealed(String provider, Credential credential) {
    if (credential.token() == null || SecretBox.isSealed(credential.token())) return credential;
    return CredentialSecrets.sealed(credential, settings().secrets(), provider);
  }

  public static byte[] key(byte fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, fill);
    return key;
  }
}
