package io.scimfleet.scim;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): where to ask for access tokens and as whom. The
 * client sends {@code Authorization: Bearer <access token>}, fetched from {@code tokenUrl} and
 * cached until shortly before it expires. {@link #toString()} never shows the secret.
 *
 * @param scope space-separated scopes to ask for, or null
 * @param audience sent as the {@code audience} parameter (Auth0, Okta and others want it), or null
 */
public record OAuth2Grant(
    URI tokenUrl,
    String clientId,
    String clientSecret,
    @Nullable String scope,
    @Nullable String audience,
    ClientAuth clientAuth) {

  /** How the client authenticates to the token endpoint (RFC 6749 §2.3.1). */
  public enum ClientAuth {
    /** {@code Authorization: Basic}, the one every server must support. */
    BASIC,
    /** {@code client_id} and {@code client_secret} in the form body. */
    BODY;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** {@code basic} or {@code body}; null means basic. */
    public static ClientAuth parse(@Nullable String value) {
      if (value == null || value.isBlank()) return BASIC;
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "basic" -> BASIC;
        case "body" -> BODY;
        default ->
            throw new IllegalArgumentException(
                "clientAuth must be basic or body, not '" + value + "'");
      };
    }
  }

  public OAuth2Grant {
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    clientAuth = clientAuth == null ? ClientAuth.BASIC : clientAuth;
  }

  @Override
  public String toString() {
    return "OAuth2Grant[" + tokenUrl + ", " + clientId + ", " + clientAuth.label() + "]";
  }
}
