package io.scimfleet.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a provider's bearer token comes from: inline (API only), a file (a mounted Kubernetes
 * Secret) or an environment variable. Exactly one is set. {@link #toString()} never shows the token.
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

  /** The token itself, read now (files and variables may rotate). */
  public String resolve() {
    if (token != null) return token;
    if (tokenEnv != null) return requireValue(System.getenv(tokenEnv), "environment variable " + tokenEnv);
    try {
      return requireValue(Files.readString(Path.of(tokenFile)).strip(), "token file " + tokenFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read token file " + tokenFile, e);
    }
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

  private static String requireValue(String value, String source) {
    if (value == null || value.isBlank()) throw new IllegalStateException(source + " holds no token");
    return value;
  }
}
