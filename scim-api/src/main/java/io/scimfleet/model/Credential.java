package io.scimfleet.model;

import io.scimfleet.secret.SecretSources;

/**
 * Where a provider's bearer token comes from: inline (API only; stored sealed, see
 * {@link io.scimfleet.secret.SecretBox}), a file (a mounted Kubernetes Secret) or an environment
 * variable. Exactly one is set. {@link #toString()} never shows the token.
 */
public record Credential(String token, String tokenFile, String tokenEnv) {

  public Credential {
    int set = (token != null ? 1 : 0) + (tokenFile != null ? 1 : 0) + (tokenEnv != null ? 1 : 0);
    if (set != 1) throw new IllegalArgumentException("give exactly one of token, tokenFile or tokenEnv");
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

  /** The token itself, read now (files and variables may rotate), under the sources' rules. */
  public String resolve(SecretSources sources) {
    return sources.resolve("token", token, tokenFile, tokenEnv);
  }

  /** This credential with its inline token sealed; file and variable credentials are returned as they are. */
  public Credential sealed(SecretSources sources) {
    return token == null ? this : inline(sources.seal("token", token));
  }

  /** This credential as the API shows it: where the token comes from, never the token. */
  public String describe() {
    if (token != null) return "inline";
    return tokenFile != null ? "file:" + tokenFile : "env:" + tokenEnv;
  }

  @Override
  public String toString() {
    return "Credential[" + describe() + "]";
  }
}
