package io.scimfleet.scheduler.config;

import org.jspecify.annotations.Nullable;

/**
 * A provider's {@code auth} object as the API body and the YAML file give it: {@code bearer} with
 * one of {@code token}, {@code tokenFile}, {@code tokenEnv}, or {@code basic} with {@code username}
 * and one of {@code password}, {@code passwordFile}, {@code passwordEnv}, or {@code oauth2} with
 * {@code tokenUrl}, {@code clientId}, one of {@code clientSecret}, {@code clientSecretFile}, {@code
 * clientSecretEnv}, and optionally {@code scope}, {@code audience} and {@code clientAuth} ({@code
 * basic}, the default, or {@code body}). {@link #toString()} never shows a secret.
 */
public record AuthRequest(
    @Nullable String type,
    @Nullable String token,
    @Nullable String tokenFile,
    @Nullable String tokenEnv,
    @Nullable String username,
    @Nullable String password,
    @Nullable String passwordFile,
    @Nullable String passwordEnv,
    @Nullable String tokenUrl,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable String clientSecretFile,
    @Nullable String clientSecretEnv,
    @Nullable String scope,
    @Nullable String audience,
    @Nullable String clientAuth) {

  @Override
  public String toString() {
    return "AuthRequest["
        + type
        + (username == null ? "" : " " + username)
        + (clientId == null ? "" : " " + clientId)
        + "]";
  }
}
