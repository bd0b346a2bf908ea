package io.scimfleet.scheduler.config;

/**
 * A provider's {@code auth} object as the API body and the YAML file give it: {@code bearer} with
 * one of {@code token}, {@code tokenFile}, {@code tokenEnv}, or {@code basic} with {@code username}
 * and one of {@code password}, {@code passwordFile}, {@code passwordEnv}, or {@code oauth2} with
 * {@code tokenUrl}, {@code clientId}, one of {@code clientSecret}, {@code clientSecretFile}, {@code
 * clientSecretEnv}, and optionally {@code scope}, {@code audience} and {@code clientAuth} ({@code
 * basic}, the default, or {@code body}). {@link #toString()} never shows a secret.
 */
public record AuthRequest(
    String type,
    String token,
    String tokenFile,
    String tokenEnv,
    String username,
    String password,
    String passwordFile,
    String passwordEnv,
    String tokenUrl,
    String clientId,
    String clientSecret,
    String clientSecretFile,
    String clientSecretEnv,
    String scope,
    String audience,
    String clientAuth) {

  @Override
  public String toString() {
    return "AuthRequest["
        + type
        + (username == null ? "" : " " + username)
        + (clientId == null ? "" : " " + clientId)
        + "]";
  }
}
