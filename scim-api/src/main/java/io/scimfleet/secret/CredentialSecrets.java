package io.scimfleet.secret;

import io.scimfleet.model.Credential;
import io.scimfleet.model.OAuth2Client;
import io.scimfleet.scim.Authorization;
import io.scimfleet.scim.OAuth2Grant;
import java.util.Optional;

/**
 * A provider's {@link Credential} meets its secret here, so that the model knows neither the secret
 * sources nor the SCIM client: the secret read now, an inline secret sealed for its provider and
 * kind (token, password or client secret), and the client's {@code Authorization} header or OAuth
 * 2.0 grant built from it.
 */
public final class CredentialSecrets {
  private CredentialSecrets() {}

  /**
   * The secret itself (token, password or client secret), read now (files and variables may
   * rotate), under the sources' rules; an inline secret opens only when it was sealed for this
   * provider and this kind of secret.
   */
  public static String resolve(Credential credential, SecretSources sources, String provider) {
    return sources.resolve(
        provider,
        credential.secretField(),
        credential.token(),
        credential.tokenFile(),
        credential.tokenEnv());
  }

  /**
   * The credential with its inline secret sealed for this provider; file and variable credentials
   * are returned as they are.
   */
  public static Credential sealed(Credential credential, SecretSources sources, String provider) {
    String token = credential.token();
    return token == null
        ? credential
        : credential.withInline(sources.seal(provider, credential.secretField(), token));
  }

  /**
   * The credential with its stored inline secret sealed again (with the current key, in the current
   * format, for this provider); empty when there is nothing to do.
   */
  public static Optional<Credential> resealed(
      Credential credential, SecretSources sources, String provider) {
    String token = credential.token();
    if (token == null) return Optional.empty();
    return sources.resealed(provider, credential.secretField(), token).map(credential::withInline);
  }

  /**
   * The {@code Authorization} header source for the SCIM client, the secret read now; not for
   * oauth2 (see {@link #grant}).
   */
  public static Authorization authorization(
      Credential credential, SecretSources sources, String provider) {
    String username = credential.username();
    if (credential.type().equals(Credential.OAUTH2))
      throw new IllegalStateException("oauth2 credentials give a grant, not a fixed header");
    String secret = resolve(credential, sources, provider);
    return credential.type().equals(Credential.BASIC) && username != null
        ? Authorization.basic(username, secret)
        : Authorization.bearer(secret);
  }

  /** The client credentials grant of an oauth2 credential, the client secret read now. */
  public static OAuth2Grant grant(Credential credential, SecretSources sources, String provider) {
    OAuth2Client client = credential.oauth2();
    if (!credential.type().equals(Credential.OAUTH2) || client == null)
      throw new IllegalStateException(credential.type() + " credentials have no OAuth 2.0 grant");
    return new OAuth2Grant(
        client.tokenUrl(),
        client.clientId(),
        resolve(credential, sources, provider),
        client.scope(),
        client.audience(),
        OAuth2Grant.ClientAuth.parse(client.clientAuth()));
  }
}
