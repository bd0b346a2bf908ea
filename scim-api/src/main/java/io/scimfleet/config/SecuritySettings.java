package io.scimfleet.config;

import io.scimfleet.secret.SecretBox;
import io.scimfleet.secret.SecretSources;
import io.scimfleet.target.TargetPolicy;
import java.util.Map;

/**
 * The security settings (README, "Security"): where provider secrets may come from and the key
 * that seals inline ones, which targets may be reached, and the optional directory-only API token.
 * {@link #toString()} shows no secret.
 *
 * @param directoryToken {@code SCIM_DIRECTORY_TOKEN}: accepted on the directory routes only; null: none
 */
public record SecuritySettings(SecretSources secrets, TargetPolicy targets, String directoryToken) {

  public static SecuritySettings fromEnv(Map<String, String> env) {
    String directoryToken = env.get("SCIM_DIRECTORY_TOKEN");
    return new SecuritySettings(SecretSources.fromEnv(env), TargetPolicy.fromEnv(env),
        directoryToken == null || directoryToken.isBlank() ? null : directoryToken);
  }

  /** The same settings with this key (all-in-one generates one in memory when none is set). */
  public SecuritySettings withBox(SecretBox box) {
    return new SecuritySettings(secrets.withBox(box), targets, directoryToken);
  }

  @Override
  public String toString() {
    return "SecuritySettings[" + secrets + ", " + targets + ", directoryToken " + (directoryToken == null ? "none" : "set") + "]";
  }
}
