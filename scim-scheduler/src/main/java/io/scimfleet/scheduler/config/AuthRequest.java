package io.scimfleet.scheduler.config;

/**
 * A provider's {@code auth} object as the API body and the YAML file give it: {@code bearer} with
 * one of {@code token}, {@code tokenFile}, {@code tokenEnv}, or {@code basic} with {@code username}
 * and one of {@code password}, {@code passwordFile}, {@code passwordEnv}. {@link #toString()} never
 * shows a secret.
 */
public record AuthRequest(
    String type,
    String token,
    String tokenFile,
    String tokenEnv,
    String username,
    String password,
    String passwordFile,
    String passwordEnv) {

  @Override
  public String toString() {
    return "AuthRequest[" + type + (username == null ? "" : " " + username) + "]";
  }
}
