package io.scimfleet.scheduler.source;

import io.scimfleet.secret.FleetVariables;
import io.scimfleet.secret.SecretBinding;
import io.scimfleet.secret.SecretException;
import io.scimfleet.secret.SecretSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a source's bind password: an inline one is sealed for its source (refused without
 * {@code SCIM_SECRET_KEY}), a file lies inside {@code SCIM_SECRETS_DIR}, a variable starts with
 * {@value #ENV_PREFIX} and is none of the fleet's own. Checked on save and again on every read.
 */
public final class SourcePasswords {
  public static final String ENV_PREFIX = "SCIM_SOURCE_";
  static final String FIELD = "bindPassword";

  private final SecretSources secrets;
  private final Function<String, String> variables;

  public SourcePasswords(SecretSources secrets, Function<String, String> variables) {
    this.secrets = secrets;
    this.variables = variables;
  }

  public SecretSources secrets() {
    return secrets;
  }

  /** The inline password sealed for this source. */
  String seal(String source, String clear) {
    return secrets
        .box()
        .orElseThrow(
            () ->
                new SecretException(
                    "an inline bindPassword is stored encrypted and this process has no key: set"
                        + " SCIM_SECRET_KEY (openssl rand -base64 32), or use bindPasswordFile or"
                        + " bindPasswordEnv"))
        .seal(clear, SecretBinding.source(source, FIELD));
  }

  void requireAllowedEnv(String variable) {
    if (!variable.startsWith(ENV_PREFIX) || variable.length() == ENV_PREFIX.length())
      throw new SecretException(
          "bindPasswordEnv '"
              + variable
              + "' is refused: it must start with "
              + ENV_PREFIX
              + ", e.g. "
              + ENV_PREFIX
              + "CORP_LDAP_PASSWORD");
    if (FleetVariables.isFleetVariable(variable))
      throw new SecretException(
          "bindPasswordEnv '" + variable + "' is refused: it is a setting of the fleet itself");
  }

  Path requireAllowedFile(String file) {
    return secrets.requireAllowedFile("bindPasswordFile", file);
  }

  /** The password read now (files and variables may rotate); null for an anonymous bind. */
  public @Nullable String resolve(Source source) {
    if (source.bindPassword() != null)
      return secrets
          .box()
          .orElseThrow(() -> new SecretException("bindPassword: no SCIM_SECRET_KEY to open it"))
          .open(source.bindPassword(), SecretBinding.source(source.name(), FIELD));
    if (source.bindPasswordEnv() != null) {
      requireAllowedEnv(source.bindPasswordEnv());
      return required(
          variables.apply(source.bindPasswordEnv()), "bindPasswordEnv " + source.bindPasswordEnv());
    }
    if (source.bindPasswordFile() == null) return null;
    Path real = requireAllowedFile(source.bindPasswordFile());
    try {
      return required(
          Files.readString(real).strip(), "bindPasswordFile " + source.bindPasswordFile());
    } catch (IOException e) {
      throw new SecretException(
          "cannot read bindPasswordFile " + source.bindPasswordFile() + ": " + e.getMessage());
    }
  }

  private static String required(String value, String where) {
    if (value == null || value.isBlank()) throw new SecretException(where + " holds no password");
    return value;
  }
}
