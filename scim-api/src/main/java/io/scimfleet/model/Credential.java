package io.scimfleet.model;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a provider authenticates to its target: {@code bearer} (the token is the secret), {@code
 * basic} ({@code username} plus a password, the secret) or {@code oauth2} (client credentials:
 * {@code oauth2} says where tokens come from, the client secret is the secret). The secret comes
 * from exactly one source: inline (API only; stored sealed; {@link
 * io.scimfleet.secret.CredentialSecrets} reads, seals and hands it to the SCIM client), a file (a
 * mounted Kubernetes Secret) or an environment variable; {@code token}, {@code tokenFile} and
 * {@code tokenEnv} hold that source whatever the type. {@link #toString()} never shows the secret.
 *
 * @param type {@code bearer} (also when absent: providers saved before types existed), {@code
 *     basic} or {@code oauth2}
 * @param username the Basic user name; null otherwise
 * @param oauth2 the token endpoint and client of {@code oauth2}; null otherwise
 */
public record Credential(
    @Nullable String token,
    @Nullable String tokenFile,
    @Nullable String tokenEnv,
    String type,
    @Nullable String username,
    @Nullable OAuth2Client oauth2) {
  public static final String BEARER = "bearer";
  public static final String BASIC = "basic";
  public static final String OAUTH2 = "oauth2";

  public Credential {
    int set = (token != null ? 1 : 0) + (tokenFile != null ? 1 : 0) + (tokenEnv != null ? 1 : 0);
    if (set != 1)
      throw new IllegalArgumentException("give exactly one of token, tokenFile or tokenEnv");
    type = type == null ? BEARER : type.toLowerCase(Locale.ROOT);
    if (!type.equals(BEARER) && !type.equals(BASIC) && !type.equals(OAUTH2)) {
      throw new IllegalArgumentException("unknown credential type " + type);
    }
    if (type.equals(BASIC) == (username == null || username.isEmpty())) {
      throw new IllegalArgumentException("a username is required for basic, and only for basic");
    }
    if (type.equals(OAUTH2) == (oauth2 == null)) {
      throw new IllegalArgumentException(
          "a token endpoint and client are required for oauth2, and only for oauth2");
    }
  }

  /** Bearer or Basic. */
  public Credential(
      @Nullable String token,
      @Nullable String tokenFile,
      @Nullable String tokenEnv,
      String type,
      @Nullable String username) {
    this(token, tokenFile, tokenEnv, type, username, null);
  }

  /** A bearer token from one source. */
  public Credential(@Nullable String token, @Nullable String tokenFile, @Nullable String tokenEnv) {
    this(token, tokenFile, tokenEnv, BEARER, null);
  }

  public static Credential inline(String token) {
    return new Credential(token, null, null);
  }

  public static Credential fromFile(String path) {
    return new Credential(null, path, null);
  }

  public static Credential fromEnv(String variable) {
    return new Credential(null, null, variable);
  }

  /** Basic credentials whose password comes from the source of {@code password}. */
  public static Credential basic(String username, Credential password) {
    return new Credential(password.token, password.tokenFile, password.tokenEnv, BASIC, username);
  }

  /**
   * OAuth 2.0 client credentials whose client secret comes from the source of {@code clientSecret}.
   */
  public static Credential oauth2(OAuth2Client client, Credential clientSecret) {
    return new Credential(
        clientSecret.token, clientSecret.tokenFile, clientSecret.tokenEnv, OAUTH2, null, client);
  }

  /** The same type and user with this inline (sealed) secret. */
  public Credential withInline(String value) {
    return new Credential(value, null, null, type, username, oauth2);
  }

  /** This credential as the API shows it: where the secret comes from, never the secret. */
  public String describe() {
    if (token != null) return "inline";
    return tokenFile != null ? "file:" + tokenFile : "env:" + tokenEnv;
  }

  /**
   * The kind of secret, as it is bound when sealed: {@code token}, {@code password} (basic) or
   * {@code clientSecret} (oauth2).
   */
  public String secretField() {
    return switch (type) {
      case BASIC -> "password";
      case OAUTH2 -> "clientSecret";
      default -> "token";
    };
  }

  @Override
  public String toString() {
    return "Credential["
        + type
        + (username == null ? "" : " " + username)
        + (oauth2 == null ? "" : " " + oauth2)
        + ", "
        + describe()
        + "]";
  }
}
