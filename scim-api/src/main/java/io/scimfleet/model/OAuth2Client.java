package io.scimfleet.model;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The non-secret half of OAuth 2.0 client credentials: the token endpoint, the client, what to ask
 * for and how the client authenticates ({@code basic} or {@code body}). The client secret stays in
 * the {@link Credential}'s secret source.
 *
 * @param scope space-separated, or null
 * @param audience the {@code audience} parameter some servers want, or null
 * @param clientAuth {@code basic} or {@code body} as the conversion of the API body normalised it
 *     ({@code io.scimfleet.scim.OAuth2Grant.ClientAuth}); null: basic
 */
public record OAuth2Client(
    URI tokenUrl,
    String clientId,
    @Nullable String scope,
    @Nullable String audience,
    @Nullable String clientAuth) {

  public OAuth2Client {
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Objects.requireNonNull(clientId, "clientId");
  }
}
