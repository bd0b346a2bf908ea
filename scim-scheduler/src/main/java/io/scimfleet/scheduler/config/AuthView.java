package io.scimfleet.scheduler.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.scimfleet.model.Credential;
import io.scimfleet.model.OAuth2Client;
import org.jspecify.annotations.Nullable;

/**
 * The credential's type, user name (Basic), OAuth 2.0 client (shown for oauth2 only) and where its
 * secret comes from; never the secret.
 */
record AuthView(
    String type,
    @Nullable String username,
    String source,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String tokenUrl,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String clientId,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String scope,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String audience,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String clientAuth) {

  static AuthView of(Credential credential) {
    OAuth2Client client = credential.oauth2();
    if (client == null)
      return new AuthView(
          credential.type(),
          credential.username(),
          credential.describe(),
          null,
          null,
          null,
          null,
          null);
    return new AuthView(
        credential.type(),
        null,
        credential.describe(),
        client.tokenUrl().toString(),
        client.clientId(),
        client.scope(),
        client.audience(),
        client.clientAuth());
  }
}
