package io.scimfleet.scheduler.config;

import static io.scimfleet.scheduler.config.ProviderField.AUTH;
import static io.scimfleet.scheduler.config.ProviderField.BASE_URL;
import static io.scimfleet.scheduler.config.ProviderField.CA_BUNDLE_FILE;
import static io.scimfleet.scheduler.config.ProviderField.DRIFT_CHECK_CRON;
import static io.scimfleet.scheduler.config.ProviderField.FULL_SYNC_CRON;
import static io.scimfleet.scheduler.config.ProviderField.PROFILE;
import static io.scimfleet.scheduler.config.ProviderField.TLS_INSECURE;
import static io.scimfleet.scheduler.config.ProviderField.TOKEN;
import static io.scimfleet.scheduler.config.ProviderField.TOKEN_ENV;
import static io.scimfleet.scheduler.config.ProviderField.TOKEN_FILE;
import static io.scimfleet.scheduler.config.ProviderField.blankToNull;

import io.scimfleet.config.SecuritySettings;
import io.scimfleet.job.jobrunr.Crons;
import io.scimfleet.mapping.ProviderMappings;
import io.scimfleet.model.Credential;
import io.scimfleet.model.OAuth2Client;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.TargetSwitches;
import io.scimfleet.model.VendorProfile;
import io.scimfleet.scim.OAuth2Grant;
import io.scimfleet.secret.CredentialSecrets;
import io.scimfleet.secret.SecretSources;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@link ProviderRequest} → {@link Provider}, with every check the API and the YAML file share,
 * including the security rules (secret sources, target addresses, insecure TLS). A failed check
 * throws {@link IllegalArgumentException} (or a {@link io.scimfleet.error.FleetException} such as a
 * {@link io.scimfleet.mapping.MappingException} naming the mapping) with a message that says what
 * to fix; nothing is stored before it passes. An inline token comes out sealed.
 */
public final class ProviderConversion {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

  private ProviderConversion() {}

  /**
   * The base URL, the target's security rules, the crons, the profile and the credential first;
   * then every {@link ProviderField} in its order; then the checks across fields.
   */
  public static Provider toProvider(
      String name, ProviderRequest request, SecuritySettings security) {
    requireName(name);
    Objects.requireNonNull(request, "request");
    URI baseUrl = baseUrl(request.text(BASE_URL));
    requireAllowedTarget(baseUrl, request, security);
    requireCron(FULL_SYNC_CRON, request);
    requireCron(DRIFT_CHECK_CRON, request);
    VendorProfile profile = ProviderField.profile(request.text(PROFILE));
    Credential credential =
        CredentialSecrets.sealed(credential(request, security.secrets()), security.secrets(), name);
    if (credential.oauth2() != null)
      security.targets().requireAllowedUrl("auth.tokenUrl", credential.oauth2().tokenUrl());
    Provider.Builder builder = Provider.builder(name, baseUrl, credential);
    for (ProviderField field : ProviderField.values())
      field.read(builder, profile, request.get(field));
    Provider provider = builder.build();
    requireFilterableMatch(provider);
    ProviderMappings.requireValid(provider);
    return provider;
  }

  private static void requireCron(ProviderField field, ProviderRequest request) {
    String cron = request.text(field);
    if (cron == null || cron.isBlank()) return;
    if (field == FULL_SYNC_CRON) Crons.requireValid(cron);
    else Crons.requireValid(field.jsonName(), cron);
  }

  /**
   * With {@code adoptExisting} every create searches first: the matching attributes must be
   * filterable.
   */
  private static void requireFilterableMatch(Provider provider) {
    if (!provider.adoptExisting()) return;
    TargetSwitches switches = provider.switches();
    for (ObjectType type : ObjectType.values()) {
      String attribute = provider.matchOn().of(type);
      if (!switches.canFilterOn(attribute)) {
        throw new IllegalArgumentException(
            "adoptExisting searches "
                + type.endpoint()
                + " by matchOn."
                + (type == ObjectType.USER ? "users" : "groups")
                + " = "
                + attribute
                + ", but the target (profile "
                + provider.profile().wireName()
                + ") filters only on "
                + String.join(", ", switches.filters())
                + ": choose one of these, or set filters if the target can do more");
      }
    }
  }

  /**
   * The URL and the addresses it resolves to now; insecure TLS only when the operator allows it;
   * the CA file's place.
   */
  private static void requireAllowedTarget(
      URI baseUrl, ProviderRequest request, SecuritySettings security) {
    security.targets().requireAllowedUrl(baseUrl);
    if (Boolean.TRUE.equals(request.get(TLS_INSECURE))
        && !security.targets().insecureTlsAllowed()) {
      throw new IllegalArgumentException(
          "tlsInsecure is refused: certificate checks can be turned off only when the "
              + "operator sets SCIM_ALLOW_INSECURE_TLS=true; give caBundleFile for a private CA instead");
    }
    String caBundleFile = blankToNull(request.text(CA_BUNDLE_FILE));
    if (caBundleFile != null) security.secrets().requireAllowedFile("caBundleFile", caBundleFile);
  }

  static void requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "provider name '"
              + name
              + "' is not valid: use 1-63 letters, digits, "
              + "'.', '_' or '-', starting with a letter or digit");
    }
  }

  private static URI baseUrl(@Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "baseUrl is required, e.g. https://api.example.com/scim/v2");
    }
    try {
      URI uri = new URI(value.trim());
      String scheme =
          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return uri;
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "baseUrl '" + value + "' must be an http:// or https:// URL with a host");
  }

  private static Credential credential(ProviderRequest request, SecretSources secrets) {
    AuthRequest auth = (AuthRequest) request.get(AUTH);
    String token = request.text(TOKEN);
    String tokenFile = request.text(TOKEN_FILE);
    String tokenEnv = request.text(TOKEN_ENV);
    if (auth == null)
      return checked(secretSource("token", token, tokenFile, tokenEnv), secrets, "token");
    if (token != null || tokenFile != null || tokenEnv != null) {
      throw new IllegalArgumentException(
          "more than one credential given: give either auth or token, tokenFile or tokenEnv");
    }
    String given = auth.type();
    String type = given == null ? "" : given.strip().toLowerCase(java.util.Locale.ROOT);
    return switch (type) {
      case Credential.BEARER ->
          checked(
              secretSource("auth.token", auth.token(), auth.tokenFile(), auth.tokenEnv()),
              secrets,
              "token");
      case Credential.BASIC -> basic(auth, secrets);
      case Credential.OAUTH2 -> oauth2(auth, secrets);
      default ->
          throw new IllegalArgumentException(
              "auth.type must be bearer, basic or oauth2, not '" + auth.type() + "'");
    };
  }

  private static Credential oauth2(AuthRequest auth, SecretSources secrets) {
    if (auth.token() != null
        || auth.tokenFile() != null
        || auth.tokenEnv() != null
        || auth.username() != null
        || auth.password() != null
        || auth.passwordFile() != null
        || auth.passwordEnv() != null) {
      throw new IllegalArgumentException(
          "oauth2 auth takes tokenUrl, clientId and a clientSecret, not a token, username or password");
    }
    String clientId = blankToNull(auth.clientId());
    if (clientId == null)
      throw new IllegalArgumentException("auth.clientId is required for oauth2");
    OAuth2Client client =
        new OAuth2Client(
            tokenUrl(auth.tokenUrl()),
            clientId,
            blankToNull(auth.scope()),
            blankToNull(auth.audience()),
            OAuth2Grant.ClientAuth.parse(auth.clientAuth()).label());
    Credential secret =
        secretSource(
            "auth.clientSecret",
            auth.clientSecret(),
            auth.clientSecretFile(),
            auth.clientSecretEnv());
    return checked(Credential.oauth2(client, secret), secrets, "clientSecret");
  }

  private static URI tokenUrl(@Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "auth.tokenUrl is required for oauth2, e.g. https://login.example.com/oauth2/token");
    }
    try {
      URI uri = new URI(value.trim());
      String scheme =
          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "auth.tokenUrl '"
            + value
            + "' must be an http:// or https:// URL with a host, "
            + "without user info or fragment");
  }

  private static Credential basic(AuthRequest auth, SecretSources secrets) {
    if (auth.token() != null || auth.tokenFile() != null || auth.tokenEnv() != null) {
      throw new IllegalArgumentException("basic auth takes a password, not a token");
    }
    String username = blankToNull(auth.username());
    if (username == null) throw new IllegalArgumentException("auth.username is required for basic");
    if (username.contains(":"))
      throw new IllegalArgumentException("auth.username must not contain ':' (RFC 7617)");
    Credential password =
        secretSource("auth.password", auth.password(), auth.passwordFile(), auth.passwordEnv());
    return checked(Credential.basic(username, password), secrets, "password");
  }

  private static Credential secretSource(
      String field,
      @Nullable String inline,
      @Nullable String fileValue,
      @Nullable String envValue) {
    String token = blankToNull(inline);
    String file = blankToNull(fileValue);
    String env = blankToNull(envValue);
    int given = (token != null ? 1 : 0) + (file != null ? 1 : 0) + (env != null ? 1 : 0);
    if (given != 1) {
      throw new IllegalArgumentException(
          (given == 0 ? "a credential is required" : "more than one credential given")
              + ": give exactly one of "
              + field
              + ", "
              + field
              + "File or "
              + field
              + "Env");
    }
    return new Credential(token, file, env);
  }

  private static Credential checked(Credential credential, SecretSources secrets, String field) {
    if (credential.tokenFile() != null)
      secrets.requireAllowedFile(field + "File", credential.tokenFile());
    if (credential.tokenEnv() != null)
      secrets.requireAllowedEnv(field + "Env", credential.tokenEnv());
    return credential;
  }
}
