package io.scimfleet.model;

import io.scimfleet.scim.OAuth2Grant;
import java.net.URI;
import java.util.Objects;

/**
 * The non-secret half of OAuth 2.0 client credentials: the token endpoint, the client, what to ask
 * for and how the client authenticates ({@code basic} or {@code body}). The client secret stays in
 * the {@link Credential}'s secret source.
 *
 * @param scope space-separated, or null
 * @param audience the {@code audience} parameter some servers want, or null
 */
public record OAuth2Client(
    URI tokenUrl, String clientId, String scope, String audience, String clientAuth) {

  public OAuth2Client {
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Objects.requireNonNull(clientId, "clientId");
    clientAuth = OAuth2Grant.ClientAuth.parse(clientAuth).label();
  }

  /** The grant with this client secret. */
  OAuth2Grant grant(String clientSecret) {
    return new OAuth2Grant(
        tokenUrl,
        clientId,
        clientSecret,
        scope,
        audience,
        OAuth2Grant.ClientAuth.parse(clientAuth));
  }
}
