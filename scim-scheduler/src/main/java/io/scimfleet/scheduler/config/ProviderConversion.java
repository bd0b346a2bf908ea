package io.scimfleet.scheduler.config;

import io.scimfleet.config.SecuritySettings;
import io.scimfleet.job.jobrunr.Crons;
import io.scimfleet.mapping.ProviderMappings;
import io.scimfleet.model.BulkMode;
import io.scimfleet.model.Credential;
import io.scimfleet.model.DeleteMode;
import io.scimfleet.model.DriftCheck;
import io.scimfleet.model.FeatureUse;
import io.scimfleet.model.MatchOn;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.OAuth2Client;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.PropertyMapping;
import io.scimfleet.model.Provider;
import io.scimfleet.model.RequiredAttributes;
import io.scimfleet.model.TargetSwitches;
import io.scimfleet.model.UserUpdate;
import io.scimfleet.model.VendorProfile;
import io.scimfleet.scim.OAuth2Grant;
import io.scimfleet.secret.CredentialSecrets;
import io.scimfleet.secret.SecretSources;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@link ProviderRequest} → {@link Provider}, with every check the API and the YAML file share,
 * including the security rules (secret sources, target addresses, insecure TLS). A failed check
 * throws {@link IllegalArgumentException} (or a {@link io.scimfleet.error.FleetException} such as a
 * {@link io.scimfleet.mapping.MappingException} naming the mapping) with a message that says what
 * to fix; nothing is stored before it passes. An inline token comes out sealed.
 */
public final class ProviderConversion {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
  private static final int DEFAULT_THRESHOLD = 25;

  private ProviderConversion() {}

  public static Provider toProvider(
      String name, ProviderRequest request, SecuritySettings security) {
    requireName(name);
    Objects.requireNonNull(request, "request");
    URI baseUrl = baseUrl(request.baseUrl());
    requireAllowedTarget(baseUrl, request, security);
    List<PropertyMapping> userMappings = mappings("userMappings", request.userMappings());
    List<PropertyMapping> groupMappings = mappings("groupMappings", request.groupMappings());
    if (request.fullSyncCron() != null && !request.fullSyncCron().isBlank())
      Crons.requireValid(request.fullSyncCron());
    if (request.driftCheckCron() != null && !request.driftCheckCron().isBlank())
      Crons.requireValid("driftCheckCron", request.driftCheckCron());
    VendorProfile profile = profile(request.profile());
    Credential credential =
        CredentialSecrets.sealed(credential(request, security.secrets()), security.secrets(), name);
    if (credential.oauth2() != null)
      security.targets().requireAllowedUrl("auth.tokenUrl", credential.oauth2().tokenUrl());
    Provider provider =
        new Provider(
            name,
            baseUrl,
            credential,
            orDefault(request.enabled(), true),
            deleteMode(request.deleteMode(), profile),
            threshold(request.deletionThreshold()),
            userMappings,
            groupMappings,
            blankToNull(request.userFilter()),
            blankToNull(request.groupFilter()),
            request.fullSyncCron(),
            orDefault(request.dryRun(), false),
            atLeast("maxConcurrency", request.maxConcurrency(), 1, 8),
            atLeast(
                "requestsPerMinute",
                request.requestsPerMinute(),
                0,
                profile.switches().requestsPerMinute()),
            orDefault(request.tlsInsecure(), false),
            blankToNull(request.caBundleFile()),
            scopeGroups(request.scopeGroups()),
            request.nestedGroups() == null ? null : NestedGroups.parse(request.nestedGroups()),
            window(request.deletionWindow()),
            matchOn(request.matchOn()),
            orDefault(request.adoptExisting(), false),
            profile,
            blankToNull(request.userUpdate()) == null
                ? null
                : UserUpdate.parse(request.userUpdate()),
            memberPatchChunk(request.memberPatchChunk()),
            filters(request.filters()),
            request.groupsReturnMembers(),
            requiredAttributes(request.requiredAttributes()),
            featureUse("etag", request.etag()),
            featureUse("changePassword", request.changePassword()),
            orDefault(request.syncPasswords(), false),
            request.bulk() == null ? null : BulkMode.parse(request.bulk()),
            request.driftCheck() == null ? null : DriftCheck.parse(request.driftCheck()),
            orDefault(request.deleteUnmanaged(), false),
            pageSize(request.pageSize()),
            blankToNull(request.driftCheckCron()));
    requireFilterableMatch(provider);
    ProviderMappings.requireValid(provider);
    return provider;
  }

  private static VendorProfile profile(String value) {
    return blankToNull(value) == null ? VendorProfile.GENERIC : VendorProfile.parse(value);
  }

  private static int pageSize(Integer value) {
    if (value == null) return Provider.DEFAULT_PAGE_SIZE;
    if (value < 1 || value > Provider.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be from 1 to "
              + Provider.MAX_PAGE_SIZE
              + " objects per full-sync page, not "
              + value
              + " (pages above 100 take effect as far as the target's Bulk maxOperations allows)");
    }
    return value;
  }

  private static Integer memberPatchChunk(Integer value) {
    if (value != null && (value < 1 || value > 1000)) {
      throw new IllegalArgumentException(
          "memberPatchChunk must be from 1 to 1000 membership changes, not " + value);
    }
    return value;
  }

  private static List<String> filters(List<String> value) {
    if (value != null
        && value.stream().anyMatch(attribute -> attribute == null || attribute.isBlank())) {
      throw new IllegalArgumentException(
          "filters must be attribute names (or \"*\" for any), not null or empty");
    }
    return value;
  }

  private static RequiredAttributes requiredAttributes(Map<String, List<String>> value) {
    if (value == null) return null;
    for (String key : value.keySet()) {
      if (!key.equals("users") && !key.equals("groups")) {
        throw new IllegalArgumentException(
            "requiredAttributes takes \"users\" and \"groups\", not '" + key + "'");
      }
    }
    return new RequiredAttributes(value.get("users"), value.get("groups"));
  }

  private static FeatureUse featureUse(String field, String value) {
    return blankToNull(value) == null ? null : FeatureUse.parse(field, value);
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
    if (orDefault(request.tlsInsecure(), false) && !security.targets().insecureTlsAllowed()) {
      throw new IllegalArgumentException(
          "tlsInsecure is refused: certificate checks can be turned off only when the "
              + "operator sets SCIM_ALLOW_INSECURE_TLS=true; give caBundleFile for a private CA instead");
    }
    String caBundleFile = blankToNull(request.caBundleFile());
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

  private static URI baseUrl(String value) {
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
    AuthRequest auth = request.auth();
    if (auth == null)
      return checked(
          secretSource("token", request.token(), request.tokenFile(), request.tokenEnv()),
          secrets,
          "token");
    if (request.token() != null || request.tokenFile() != null || request.tokenEnv() != null) {
      throw new IllegalArgumentException(
          "more than one credential given: give either auth or token, tokenFile or tokenEnv");
    }
    String type = auth.type() == null ? "" : auth.type().strip().toLowerCase(java.util.Locale.ROOT);
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

  private static URI tokenUrl(String value) {
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
      String field, String inline, String fileValue, String envValue) {
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

  private static List<String> scopeGroups(List<String> ids) {
    if (ids != null && ids.stream().anyMatch(id -> id == null || id.isBlank())) {
      throw new IllegalArgumentException("scopeGroups must be group ids, not null or empty");
    }
    return ids;
  }

  private static DeleteMode deleteMode(String value, VendorProfile profile) {
    return value == null ? profile.switches().deleteMode() : DeleteMode.parse(value);
  }

  private static int threshold(Integer value) {
    if (value == null) return DEFAULT_THRESHOLD;
    if (value < 0 || value > 100) {
      throw new IllegalArgumentException(
          "deletionThreshold must be a percentage from 0 to 100, not " + value);
    }
    return value;
  }

  private static Duration window(String value) {
    if (value == null || value.isBlank()) return null;
    String text = value.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      Duration window =
          text.startsWith("p")
              ? Duration.parse(text.toUpperCase(java.util.Locale.ROOT))
              : Duration.parse(
                  (text.endsWith("d") ? "P" : "PT") + text.toUpperCase(java.util.Locale.ROOT));
      if (!window.isNegative() && !window.isZero()) return window;
    } catch (RuntimeException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "deletionWindow must be a positive duration such as 30m, 1h, 1d or PT1H, not '"
            + value
            + "'");
  }

  private static MatchOn matchOn(Map<String, String> value) {
    if (value == null) return null;
    for (String key : value.keySet()) {
      if (!key.equals("users") && !key.equals("groups")) {
        throw new IllegalArgumentException(
            "matchOn takes \"users\" and \"groups\", not '" + key + "'");
      }
    }
    return new MatchOn(value.get("users"), value.get("groups"));
  }

  private static List<PropertyMapping> mappings(String field, List<MappingRequest> given) {
    if (given == null) return List.of();
    List<PropertyMapping> mappings = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      MappingRequest mapping = given.get(i);
      if (mapping == null
          || blankToNull(mapping.name()) == null
          || blankToNull(mapping.expression()) == null) {
        throw new IllegalArgumentException(field + "[" + i + "] needs a name and an expression");
      }
      mappings.add(new PropertyMapping(mapping.name(), mapping.expression()));
    }
    return mappings;
  }

  private static int atLeast(String field, Integer value, int min, int fallback) {
    if (value == null) return fallback;
    if (value < min)
      throw new IllegalArgumentException(field + " must be at least " + min + ", not " + value);
    return value;
  }

  private static boolean orDefault(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
