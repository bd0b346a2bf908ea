package io.scimfleet.config;

import io.scimfleet.secret.SecretBox;
import io.scimfleet.secret.SecretSources;
import io.scimfleet.target.TargetPolicy;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The security settings (README, "Security"): where provider secrets may come from and the key that
 * seals inline ones, which targets may be reached, and the optional directory-only API token.
 * {@link #toString()} shows no secret.
 *
 * @param directoryToken {@code SCIM_DIRECTORY_TOKEN}: accepted on the directory routes only; null:
 *     none
 * @param passwordTtl {@code SCIM_PASSWORD_TTL}: how long a new password waits, encrypted, for its
 *     delivery before it is dropped; default {@link #DEFAULT_PASSWORD_TTL}
 */
public record SecuritySettings(
    SecretSources secrets,
    TargetPolicy targets,
    @Nullable String directoryToken,
    Duration passwordTtl) {
  public static final Duration DEFAULT_PASSWORD_TTL = Duration.ofHours(24);

  public SecuritySettings {
    passwordTtl = passwordTtl == null ? DEFAULT_PASSWORD_TTL : passwordTtl;
    if (passwordTtl.isNegative() || passwordTtl.isZero())
      throw new IllegalArgumentException("SCIM_PASSWORD_TTL must be positive");
  }

  /** With the default password TTL. */
  public SecuritySettings(SecretSources secrets, TargetPolicy targets, String directoryToken) {
    this(secrets, targets, directoryToken, DEFAULT_PASSWORD_TTL);
  }

  public static SecuritySettings fromEnv(Map<String, String> env) {
    String directoryToken = env.get("SCIM_DIRECTORY_TOKEN");
    return new SecuritySettings(
        SecretSources.fromEnv(env),
        TargetPolicy.fromEnv(env),
        directoryToken == null || directoryToken.isBlank() ? null : directoryToken,
        Pacing.durationOf(env, "SCIM_PASSWORD_TTL", DEFAULT_PASSWORD_TTL));
  }

  /** The same settings with this key (all-in-one generates one in memory when none is set). */
  public SecuritySettings withBox(SecretBox box) {
    return new SecuritySettings(secrets.withBox(box), targets, directoryToken, passwordTtl);
  }

  /** The same settings with this password TTL. */
  public SecuritySettings withPasswordTtl(Duration value) {
    return new SecuritySettings(secrets, targets, directoryToken, value);
  }

  @Override
  public String toString() {
    return "SecuritySettings["
        + secrets
        + ", "
        + targets
        + ", directoryToken "
        + (directoryToken == null ? "none" : "set")
        + ", passwordTtl "
        + passwordTtl
        + "]";
  }
}
