package io.scimfleet.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The rules every provider secret follows, checked when a provider is saved and again when a worker
 * reads the secret:
 *
 * <ul>
 *   <li>a file ({@code tokenFile}, {@code caBundleFile}, any {@code *File}) must lie, once its
 *       links are followed, inside the secrets directory ({@code SCIM_SECRETS_DIR}, default {@value
 *       #DEFAULT_DIR});
 *   <li>a variable ({@code tokenEnv}, any {@code *Env}) must start with the target prefix ({@code
 *       SCIM_TARGET_ENV_PREFIX}, default {@value #DEFAULT_ENV_PREFIX}), so that no provider can
 *       name the fleet's own secrets ({@code SCIM_ADMIN_TOKEN}, {@code REDIS_URL}), and must not be
 *       one of the {@link FleetVariables} ({@code SCIM_TARGET_DENY} sits inside the prefix);
 *   <li>an inline value is sealed by the {@link SecretBox} for its provider and field; without a
 *       key it is refused, and a stored inline value that is not sealed is refused when read.
 * </ul>
 */
public final class SecretSources {
  public static final String DEFAULT_DIR = "/var/run/secrets/scim";
  public static final String DEFAULT_ENV_PREFIX = "SCIM_TARGET_";
  private static final String NO_KEY =
      "inline secrets are stored encrypted and this process has no key: set "
          + "SCIM_SECRET_KEY (or SCIM_SECRET_KEY_FILE) on the scheduler and the workers to the output of "
          + "'openssl rand -base64 32', or use a file or variable source instead";

  private final Path dir;
  private final String envPrefix;
  private final @Nullable SecretBox box;
  private final Function<String, String> variables;

  public SecretSources(
      Path dir, String envPrefix, @Nullable SecretBox box, Function<String, String> variables) {
    this.dir = dir.toAbsolutePath().normalize();
    this.envPrefix = envPrefix;
    this.box = box;
    this.variables = variables;
  }

  /**
   * From {@code SCIM_SECRETS_DIR}, {@code SCIM_TARGET_ENV_PREFIX} and the key variables; secrets
   * variables are read from {@code env}.
   */
  public static SecretSources fromEnv(Map<String, String> env) {
    return new SecretSources(
        Path.of(orDefault(env.get("SCIM_SECRETS_DIR"), DEFAULT_DIR)),
        orDefault(env.get("SCIM_TARGET_ENV_PREFIX"), DEFAULT_ENV_PREFIX),
        SecretBox.fromEnv(env).orElse(null),
        env::get);
  }

  /** The same rules with this box (all-in-one generates one in memory). */
  public SecretSources withBox(SecretBox value) {
    return new SecretSources(dir, envPrefix, value, variables);
  }

  public Path dir() {
    return dir;
  }

  public String envPrefix() {
    return envPrefix;
  }

  /** The process's environment variables, as read at start: where a {@code *Env} secret lives. */
  public Function<String, String> variables() {
    return variables;
  }

  public Optional<SecretBox> box() {
    return Optional.ofNullable(box);
  }

  /**
   * Refuses a file outside the secrets directory. The path is checked as written and, when the file
   * exists, once its links are followed; the real path is returned when it exists.
   */
  public Path requireAllowedFile(String field, String file) {
    Path path = Path.of(file).toAbsolutePath().normalize();
    if (!path.startsWith(dir) || path.equals(dir)) throw outside(field, file);
    if (!Files.exists(path)) return path;
    try {
      Path real = path.toRealPath();
      if (!real.startsWith(realDir())) throw outside(field, file);
      return real;
    } catch (IOException e) {
      throw new SecretException(field + " " + file + " cannot be resolved: " + e.getMessage());
    }
  }

  /** Refuses a variable without the target prefix, and one the fleet itself reads. */
  public void requireAllowedEnv(String field, String variable) {
    if (!variable.startsWith(envPrefix) || variable.length() == envPrefix.length()) {
      throw new SecretException(
          field
              + " '"
              + variable
              + "' is refused: a secret variable must start with "
              + envPrefix
              + " (SCIM_TARGET_ENV_PREFIX), e.g. "
              + envPrefix
              + "SLACK_TOKEN");
    }
    if (FleetVariables.isFleetVariable(variable)) {
      throw new SecretException(
          field
              + " '"
              + variable
              + "' is refused: it is a setting of the fleet itself, never a secret of a target; "
              + "put the token in a variable of its own, e.g. "
              + envPrefix
              + "SLACK_TOKEN");
    }
  }

  /** An inline secret of this provider as it is stored: sealed for it; refused without a key. */
  public String seal(String provider, String field, String clear) {
    if (box == null) throw new SecretException(field + ": " + NO_KEY);
    return box.seal(clear, SecretBinding.provider(provider, field));
  }

  /**
   * The stored inline secret sealed again with the current key in the current format, or empty when
   * it is so already (or there is no key). This is the one place that accepts a clear value (one
   * saved before encryption existed): to seal it.
   */
  public Optional<String> resealed(String provider, String field, String stored) {
    if (box == null || box.isCurrent(stored)) return Optional.empty();
    SecretBinding binding = SecretBinding.provider(provider, field);
    String clear = SecretBox.isSealed(stored) ? box.open(stored, binding) : stored;
    return Optional.of(box.seal(clear, binding));
  }

  /**
   * A secret of this provider, read now (files and variables may rotate), from the one source
   * given: {@code inline} (sealed for this provider and field; a clear value is refused), {@code
   * file} or {@code variable}. Every rule is checked again.
   */
  public String resolve(
      String provider,
      String field,
      @Nullable String inline,
      @Nullable String file,
      @Nullable String variable) {
    if (inline != null) return open(SecretBinding.provider(provider, field), field, inline);
    if (variable != null) {
      requireAllowedEnv(field + "Env", variable);
      return requireValue(variables.apply(variable), "environment variable " + variable);
    }
    if (file == null)
      throw new SecretException(field + ": none of inline, file or variable is set");
    Path real = requireAllowedFile(field + "File", file);
    if (!Files.exists(real)) throw new SecretException(field + "File " + file + " does not exist");
    try {
      return requireValue(Files.readString(real).strip(), field + "File " + file);
    } catch (IOException e) {
      throw new SecretException("cannot read " + field + "File " + file + ": " + e.getMessage());
    }
  }

  private String open(SecretBinding binding, String field, String inline) {
    if (!SecretBox.isSealed(inline)) {
      throw new SecretException(
          binding
              + ": an inline secret stored without encryption is refused; the scheduler seals it"
              + " when it starts with SCIM_SECRET_KEY set, or save the provider again");
    }
    if (box == null) throw new SecretException(field + ": " + NO_KEY);
    return box.open(inline, binding);
  }

  private Path realDir() throws IOException {
    return Files.exists(dir) ? dir.toRealPath() : dir;
  }

  private SecretException outside(String field, @Nullable String file) {
    return new SecretException(
        field
            + " '"
            + file
            + "' is refused: a secret file must be inside "
            + dir
            + " (SCIM_SECRETS_DIR), also after following links");
  }

  private static String requireValue(String value, String source) {
    if (value == null || value.isBlank()) throw new SecretException(source + " holds no secret");
    return value;
  }

  private static String orDefault(@Nullable String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  @Override
  public String toString() {
    return "SecretSources[dir="
        + dir
        + ", envPrefix="
        + envPrefix
        + ", key="
        + (box == null ? "none" : box.keyId())
        + "]";
  }
}
